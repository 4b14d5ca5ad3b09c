/**
 * halosheet push of a CSV with a payload column (issue 15): the column named by --payload-column, or
 * found by its JSON, is sent exactly (the field columns beside it are not read); a malformed cell skips
 * its row naming the cell; a name the file does not have is refused before anything is sent.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { startCliSandbox, type BulkSandbox } from "./bulkSandboxSetup";
import { runSignedIn, type CliRun } from "./cliHarness";

describe("halosheet push with a payload column in a CSV", () => {
  let halo: BulkSandbox & { dir: string };
  let ids: number[];
  beforeAll(async () => {
    halo = await startCliSandbox({ seed: 1 });
    ids = [...(await halo.records("Client")).keys()].slice(0, 3);
  });
  afterAll(() => halo.close());

  const push = (file: string, ...argv: string[]): Promise<CliRun> =>
    runSignedIn(halo, "push", ["--entity", "Client", "--in", file, ...argv]);

  /** id, name (a field column that must not be sent), then JSON columns. */
  async function csv(name: string, headers: string[], rows: (string | number)[][]): Promise<string> {
    const path = join(halo.dir, name);
    await writeFile(path, stringify([["id", "name", ...headers], ...rows]));
    return path;
  }

  const object = (id: number, name: string) => JSON.stringify({ id, name });

  it("found by its JSON: the objects are sent as they are, a malformed cell skips its row naming the cell", async () => {
    const file = await csv(
      "found.csv",
      ["Payload"],
      [
        [ids[0]!, "not sent", object(ids[0]!, "Found 0")],
        [ids[1]!, "not sent", '{"id": 1, "name": '],
        [ids[2]!, "not sent", object(ids[2]!, "Found 2")],
      ],
    );
    const out = join(halo.dir, "found-results.csv");
    const { code, stderr } = await push(file, "--out", out);
    expect(stderr).toContain('sending the JSON objects of column "Payload" as they are');
    expect(code).toBe(1);
    const records = await halo.records("Client");
    expect(records.get(ids[0]!)?.name).toBe("Found 0");
    expect(records.get(ids[1]!)?.name).not.toBe("not sent");
    expect(records.get(ids[2]!)?.name).toBe("Found 2");
    const results = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(results.map((r) => r.Status)).toEqual(["Updated", "Skipped", "Updated"]);
    expect(results[1]!.Message).toContain("C3");
  });

  it("--payload-column NAME picks that column (any case) when several hold JSON", async () => {
    const file = await csv(
      "named.csv",
      ["Draft", "Final"],
      [
        [ids[0]!, "not sent", object(ids[0]!, "Draft 0"), object(ids[0]!, "Final 0")],
        [ids[1]!, "not sent", object(ids[1]!, "Draft 1"), object(ids[1]!, "Final 1")],
      ],
    );
    const { code, stderr } = await push(
      file,
      "--payload-column",
      "final",
      "--out",
      join(halo.dir, "named.out.csv"),
    );
    expect(stderr).toContain('column "Final"');
    expect(code).toBe(0);
    const records = await halo.records("Client");
    expect(records.get(ids[0]!)?.name).toBe("Final 0");
    expect(records.get(ids[1]!)?.name).toBe("Final 1");
  });

  it("--payload-column naming no column is refused with the columns there are, and nothing is sent", async () => {
    const file = await csv("missing.csv", ["Payload"], [[ids[0]!, "not sent", object(ids[0]!, "Never")]]);
    const written = (await halo.stats()).rowsWritten.updated;
    const { code, stderr } = await push(file, "--payload-column", "Payloads");
    expect(code).not.toBe(0);
    expect(stderr).toContain('--payload-column "Payloads": ');
    expect(stderr).toContain("has no such column (it has id, name, Payload)");
    expect((await halo.stats()).rowsWritten.updated).toBe(written);
    expect((await halo.records("Client")).get(ids[0]!)?.name).not.toBe("Never");
  });
});
