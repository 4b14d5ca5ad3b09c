import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";

// The generator's CLI exits 0 even when it reports errors, so its error list is checked here.
describe("custom functions metadata", () => {
  it("generates src/functions with no errors and help text for every function", async () => {
    const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as {
      functions: { id: string; description?: string; parameters: { name: string; description?: string }[] }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) {
      expect(fn.description ?? "").not.toBe("");
      for (const parameter of fn.parameters)
        expect(`${fn.id}.${parameter.name}: ${parameter.description ?? ""}`).toMatch(/: \S/);
    }
  });

  it("reports errors for a function Excel cannot call (so the check above can fail)", async () => {
    const result = await generateCustomFunctionsMetadata("test/fixtures/badFunctions.ts");
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
