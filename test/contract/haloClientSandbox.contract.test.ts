/**
 * Issue 4's "Done when": the real src/halo client against a sandbox on a free port. Sign in with client
 * credentials, page all clients (count = record_count), run a saved report and an SQL report, post a
 * 200-row update, and read the changes back.
 */
import { createHaloClient, type HaloClient } from "../../src/halo/client";
import { getEntity, listEntities, postEntities } from "../../src/halo/entities";
import { listReports, loadReport, runSql } from "../../src/halo/reports";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import type { StatsSnapshot } from "../../sandbox/stats";

let sandbox: RunningSandbox;
let client: HaloClient;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = createHaloClient({
    instanceUrl: sandbox.url,
    auth: { kind: "clientCredentials", clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
    rateLimit: false,
  });
});
afterAll(() => sandbox.close());

async function stats(): Promise<StatsSnapshot> {
  return (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as StatsSnapshot;
}

describe("the Halo client against the sandbox", () => {
  it("signs in, pages all clients, runs reports, posts 200 rows and reads them back", async () => {
    await client.signIn();

    const clients = await listEntities(client, "Client", { pageSize: 100 });
    expect(clients.mismatch).toBeUndefined();
    expect(clients.rows).toHaveLength(clients.recordCount);
    expect(clients.pages).toBe(Math.ceil(clients.recordCount / 100));
    expect(new Set(clients.rows.map((r) => r.id)).size).toBe(clients.recordCount);

    const saved = (await listReports(client, { search: "Clients with tax code" })).find(
      (r) => r.name === "Clients with tax code",
    );
    expect(saved).toBeDefined();
    const report = await loadReport(client, saved?.id ?? 0);
    expect(report.rows).toHaveLength(clients.recordCount);
    expect(report.columns.find((c) => c.name === "item_tax_code")?.type).toBe("number");

    const sql = await runSql(client, "SELECT TOP 5 id, name, baseprice FROM Item ORDER BY id");
    expect(sql.rows).toHaveLength(5);
    // Halo sends decimals as strings; the client turns them back into numbers by column type.
    expect(typeof sql.rows[0].baseprice).toBe("number");

    const targets = clients.rows.slice(0, 200);
    const newCode = (id: unknown): number => (Number(id) % 4) + 1;
    const results = await postEntities(
      client,
      "Client",
      targets.map((r) => ({ id: r.id, item_tax_code: newCode(r.id) })),
    );
    expect(results).toHaveLength(200);
    expect(results.map((r) => r.id)).toEqual(targets.map((r) => r.id));
    expect((await stats()).rowsWritten.updated).toBe(200);

    const reread = await listEntities(client, "Client", { pageSize: 100 });
    const byId = new Map(reread.rows.map((r) => [r.id, r]));
    for (const target of targets) {
      expect(byId.get(target.id)?.item_tax_code).toBe(newCode(target.id));
      expect(byId.get(target.id)?.name).toBe(target.name);
    }
    const again = await loadReport(client, saved?.id ?? 0);
    const first = again.rows.find((r) => r.id === targets[0].id);
    expect(first?.item_tax_code).toBe(newCode(targets[0].id));
    const one = await getEntity(client, "Client", Number(targets[1].id));
    expect(one.item_tax_code).toBe(newCode(targets[1].id));
    expect(Array.isArray(one.customfields)).toBe(true);
  });

  it("pairs a one-object POST with the saved record (Halo answers one object, customfields and all)", async () => {
    const [created] = await postEntities(client, "Site", [{ name: "Annex", client_id: 3 }]);
    const saved = await getEntity(client, "Site", created.id ?? 0);
    expect(saved).toMatchObject({ name: "Annex", client_id: 3 });
    expect(created.record).toMatchObject({ id: created.id, name: "Annex" });
    const [updated] = await postEntities(client, "Site", [{ id: created.id, name: "Annex B" }]);
    expect(updated).toMatchObject({ id: created.id, record: { name: "Annex B" } });
  });

  it("never repeats a POST whose outcome is unknown (reset, 502); repeats one refused before processing (503)", async () => {
    const faulty = await startSandbox({ port: 0, seed: 0, rateLimit: 0 });
    try {
      const faultyClient = createHaloClient({
        instanceUrl: faulty.url,
        auth: { kind: "clientCredentials", clientId: faulty.clientId, clientSecret: faulty.clientSecret },
        rateLimit: false,
        retry: { baseDelayMs: 1, maxDelayMs: 1 },
      });
      const setFaults = (spec: string): Promise<Response> =>
        fetch(`${faulty.url}/__sandbox/faults`, { method: "POST", body: spec });
      const posts = async (): Promise<number> => {
        const snapshot = (await (await fetch(`${faulty.url}/__sandbox/stats`)).json()) as StatsSnapshot;
        return Object.values(snapshot.requests["POST /api/Supplier"] ?? {}).reduce((a, b) => a + b, 0);
      };
      for (const [spec, kind] of [
        ["reset=1x,methods=POST", "Network"],
        ["502=1x,methods=POST", "Server"],
      ] as const) {
        await setFaults(spec);
        const before = await posts();
        const error = await postEntities(faultyClient, "Supplier", [{ name: `After ${spec}` }]).catch(
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ kind, mayHaveApplied: true });
        expect((await posts()) - before).toBe(1);
      }
      await setFaults("503=1x,methods=POST");
      const before = await posts();
      const [created] = await postEntities(faultyClient, "Supplier", [{ name: "After 503" }]);
      expect(created.id).toEqual(expect.any(Number));
      expect((await posts()) - before).toBe(2);
      // Both ambiguous writes were in fact saved: exactly why they must not be sent again.
      const names = (await listEntities(faultyClient, "Supplier")).rows.map((r) => r.name);
      expect(names).toEqual(["After reset=1x,methods=POST", "After 502=1x,methods=POST", "After 503"]);
    } finally {
      await faulty.close();
    }
  });

  it("waits out the sandbox's 429 (Retry-After) and gets through", async () => {
    const limited = await startSandbox({ port: 0, seed: 0, rateLimit: "3/1" });
    try {
      const limitedClient = createHaloClient({
        instanceUrl: limited.url,
        auth: { kind: "clientCredentials", clientId: limited.clientId, clientSecret: limited.clientSecret },
        rateLimit: false,
      });
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await listEntities(limitedClient, "Supplier"));
      expect(answers.every((a) => a.recordCount === 0)).toBe(true);
      const snapshot = (await (await fetch(`${limited.url}/__sandbox/stats`)).json()) as StatsSnapshot;
      expect(snapshot.rateLimited).toBeGreaterThan(0);
      expect(snapshot.requests["GET /api/Supplier"]["200"]).toBe(5);
    } finally {
      await limited.close();
    }
  });
});
