/** HALO.ID against the sandbox, with a client signed in by the test (the pane does this in Excel). */
import { startSandbox, type RunningSandbox } from "../../../sandbox/server";
import { createHaloClient, type HaloClient } from "../../../src/halo/client";
import { listEntities, postEntities } from "../../../src/halo/entities";
import { id } from "../../../src/functions/functions";
import { setSignedInClient } from "../../../src/runtime";
import { rejectionOf } from "../bulk/payloadCaught";
import { installCustomFunctionsStub, StubExcelError } from "./customFunctionsStub";

let sandbox: RunningSandbox;
let client: HaloClient;
let uninstall: () => void;

async function clientGets(): Promise<number> {
  const stats = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as {
    requests: Record<string, Record<string, number>>;
  };
  return Object.values(stats.requests["GET /api/Client"] ?? {}).reduce((sum, n) => sum + n, 0);
}

const excelErrorOf = (promise: Promise<unknown>): Promise<StubExcelError> =>
  rejectionOf(StubExcelError, promise);

beforeAll(async () => {
  uninstall = installCustomFunctionsStub();
  sandbox = await startSandbox({ port: 0, rateLimit: 0 });
  client = createHaloClient({
    instanceUrl: sandbox.url,
    auth: { kind: "clientCredentials", clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
    rateLimit: false,
  });
  await client.signIn();
  await postEntities(client, "Client", [{ name: "Twin Holdings" }, { name: "twin holdings" }]);
});

afterAll(async () => {
  setSignedInClient(undefined);
  uninstall();
  await sandbox.close();
});

beforeEach(() => {
  // A fresh sign-in starts a fresh session cache.
  setSignedInClient(undefined);
  setSignedInClient(client);
});

describe("HALO.ID", () => {
  it("says so when no one is signed in", async () => {
    setSignedInClient(undefined);
    expect(await excelErrorOf(id("Client", "Anything"))).toEqual(
      new StubExcelError(
        "#N/A",
        "Not signed in to Halo: open the HaloSheet pane and connect, then recalculate.",
      ),
    );
  });

  it("finds a client's id by name, in any case", async () => {
    const { rows } = await listEntities(client, "Client");
    const target = rows.find((r) => typeof r.name === "string" && !/twin/i.test(r.name))!;
    await expect(id("Client", String(target.name).toUpperCase())).resolves.toBe(target.id);
  });

  it("answers a column of 5,000 lookups with a handful of requests", async () => {
    const { rows } = await listEntities(client, "Client");
    const unique = rows.filter(
      (r) => rows.filter((o) => String(o.name).toLowerCase() === String(r.name).toLowerCase()).length === 1,
    );
    expect(unique.length).toBeGreaterThan(100);
    const before = await clientGets();
    const column = Array.from({ length: 5000 }, (_, i) => unique[i % unique.length]!);
    const ids = await Promise.all(column.map((record) => id("Client", record.name)));
    expect(ids).toEqual(column.map((record) => record.id));
    const requests = (await clientGets()) - before;
    expect(requests).toBeLessThanOrEqual(Math.ceil(rows.length / 100) + 1);

    // A recalculation asks Halo nothing: the answers are cached for the session.
    const again = await Promise.all(column.slice(0, 500).map((record) => id("Client", record.name)));
    expect(again).toEqual(column.slice(0, 500).map((record) => record.id));
    expect(await clientGets()).toBe(before + requests);
  });

  it("gives #N/A with a message when no record or several records have the name", async () => {
    const [missing, twins] = await Promise.all([
      excelErrorOf(id("Client", "No Such Client Ltd")),
      excelErrorOf(id("Client", "Twin Holdings")),
    ]);
    expect(missing).toEqual(new StubExcelError("#N/A", 'No Client named "No Such Client Ltd".'));
    expect(twins.code).toBe("#N/A");
    expect(twins.message).toMatch(
      /^2 records: Client named "Twin Holdings" \(ids \d+, \d+\)\. Use the id\.$/,
    );
  });

  it("looks up other entities by name", async () => {
    const { rows } = await listEntities(client, "Status");
    const status = rows.find((r) => typeof r.name === "string")!;
    await expect(id("Status", status.name)).resolves.toBe(status.id);
  });

  it("gives #VALUE! for a blank name or an unknown entity", async () => {
    expect((await excelErrorOf(id("Client", ""))).code).toBe("#VALUE!");
    expect((await excelErrorOf(id("Clients2", "x"))).message).toMatch(/Unknown entity "Clients2"/);
  });
});
