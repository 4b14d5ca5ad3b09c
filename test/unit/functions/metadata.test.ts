import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { customFunctions } from "../../../src/functions/register";

interface FunctionMetadata {
  id: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    optional?: boolean;
    repeating?: boolean;
    dimensionality?: string;
  }[];
}

describe("HALO.* function metadata", () => {
  let functions: FunctionMetadata[];
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata("src/functions/functions.ts");
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
  });

  it("lists every function, each registered in the runtime", () => {
    const ids = functions.map((f) => f.id).sort();
    expect(ids).toEqual(["ARRAY", "ID", "JSON", "PAYLOAD", "VALIDATE", "VERSION"]);
    expect(Object.keys(customFunctions).sort()).toEqual(ids);
  });

  it("gives every function and parameter help text for autocomplete", () => {
    for (const fn of functions) {
      expect([fn.id, (fn.description ?? "").length > 20]).toEqual([fn.id, true]);
      for (const p of fn.parameters)
        expect([fn.id, p.name, (p.description ?? "").length > 10]).toEqual([fn.id, p.name, true]);
    }
  });

  it("declares ranges, optional and repeating parameters as Excel must pass them", () => {
    const byId = new Map(functions.map((f) => [f.id, f]));
    expect(
      byId.get("PAYLOAD")!.parameters.map((p) => [p.name, p.dimensionality ?? "scalar", p.optional ?? false]),
    ).toEqual([
      ["headers", "matrix", false],
      ["values", "matrix", false],
      ["entity", "scalar", true],
      ["options", "scalar", true],
    ]);
    expect(byId.get("JSON")!.parameters[0]).toMatchObject({ name: "keysAndValues", repeating: true });
    expect(byId.get("ARRAY")!.parameters[0]).toMatchObject({ name: "payloads", dimensionality: "matrix" });
  });
});
