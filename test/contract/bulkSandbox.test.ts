/**
 * The bulk engine against the sandbox through the real client: faults on, poison rows, undo
 * restoring the data, custom fields not wiped, server-side dry run.
 */
import { haloClientPort } from "../../src/bulk/haloClientPort";
import { undo } from "../../src/bulk/journal";
import { buildPlan, type PlanOptions } from "../../src/bulk/plan";
import { startRun } from "../../src/bulk/run";
import type { CellValue } from "../../src/bulk/cells";
import { systemClock } from "../../src/halo/clock";
import { getEntity } from "../../src/halo/entities";
import { countOf, startBulkSandbox, type BulkSandbox } from "./bulkSandboxSetup";

/** A plan from a header row and one row of values per id. */
function planFor(
  entity: string,
  headers: string[],
  ids: number[],
  values: (id: number) => CellValue[],
  options: PlanOptions = {},
) {
  const rows = ids.map((id, i) => ({ rowNumber: i + 2, values: [id, ...values(id)] }));
  return buildPlan({ entity, source: { headers, rows }, options });
}

describe("bulk engine against the sandbox", () => {
  let halo: BulkSandbox;
  beforeEach(async () => {
    halo = await startBulkSandbox({ seed: 1 }, { timeoutMs: 800 });
  });
  afterEach(() => halo.close());

  it("with faults on, every row ends with exactly one result and no row is written twice", async () => {
    const before = await halo.records("Client");
    const ids = [...before.keys()].slice(0, 200);
    const poison = new Set([ids[17], ids[18], ids[150]]);
    await halo.setFaults(
      "reset=0.04,502=0.04,500=0.03,slow=0.04,slowms=1500,poison=#POISON,methods=POST,seed=5",
    );
    const plan = planFor("Client", ["id", "name"], ids, (id) => [poison.has(id) ? "#POISON" : `Bulk ${id}`], {
      batchRows: 20,
    });
    const report = await startRun(plan, haloClientPort(halo.client), {
      clock: systemClock,
      readBeforeImages: false,
      readBackDelayMs: 1000,
    }).done;

    expect(report.results.map((r) => r.key)).toEqual(plan.rows.map((r) => r.key));
    const stats = await halo.stats();
    await halo.setFaults("");
    const after = await halo.records("Client");
    // Faults really fired: the ones that lose an answer (poison alone fires on every poisoned row, so
    // it cannot show the others did), and the poison on each of its three rows.
    expect(
      stats.faults.reset + stats.faults["502"] + stats.faults["500"] + stats.faults.slow,
    ).toBeGreaterThan(0);
    expect(stats.faults.poison).toBeGreaterThanOrEqual(poison.size);
    for (const result of report.results) {
      const id = ids[result.rowNumber - 2];
      if (result.status === "Updated") expect(after.get(id)?.name).toBe(`Bulk ${id}`);
      if (poison.has(id)) {
        expect(["Failed", "Unknown", "NotSent"]).toContain(result.status);
        expect(after.get(id)?.name).toBe(before.get(id)?.name);
      }
      if (result.status === "Failed") expect(poison.has(id)).toBe(true);
      // NotSent: every send went unanswered and reading the record back showed Halo did not save it.
      if (result.status === "NotSent") expect(after.get(id)?.name).toBe(before.get(id)?.name);
      expect(["Updated", "Failed", "Unknown", "NotSent"]).toContain(result.status);
    }
    expect(report.results.filter((r) => r.status === "Failed").length).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.status === "Updated").length).toBeGreaterThan(150);
    // A row is written a second time only when the answer to a batch Halo saved was lost (a reset
    // or a 502 after the commit, at most 20 rows each): updates set values, so that is harmless.
    const lostAfterCommit = stats.faults.reset + stats.faults["502"];
    expect(stats.rowsWritten.updated).toBeLessThanOrEqual(ids.length - poison.size + 20 * lostAfterCommit);
  });

  it("undo restores the sandbox's data, custom fields included, without wiping the others", async () => {
    const sites = [...(await halo.records("Site")).keys()].slice(0, 30);
    const original = await Promise.all(sites.map((id) => getEntity(halo.client, "Site", id)));
    const plan = planFor(
      "Site",
      ["id", "name", "customfields.CFSiteCode"],
      sites,
      (id) => [`Site ${id} renamed`, `NEW-${id}`],
      { batchRows: 10 },
    );
    const port = haloClientPort(halo.client);
    const report = await startRun(plan, port, { clock: systemClock }).done;
    expect(new Set(report.results.map((r) => r.status))).toEqual(new Set(["Updated"]));

    const changed = await getEntity(halo.client, "Site", sites[0]);
    expect(changed.name).toBe(`Site ${sites[0]} renamed`);
    const fields = changed.customfields as { name: string; value: unknown }[];
    expect(fields.find((f) => f.name === "CFSiteCode")?.value).toBe(`NEW-${sites[0]}`);
    // Site replaces the whole list when one is sent: the engine sent the merged list.
    const originalFloors = (original[0].customfields as { name: string; value: unknown }[]).find(
      (f) => f.name === "CFFloorCount",
    );
    expect(fields.find((f) => f.name === "CFFloorCount")?.value).toEqual(originalFloors?.value);

    const undone = await undo(report, port, { clock: systemClock }).done;
    expect(new Set(undone.results.map((r) => r.status))).toEqual(new Set(["Updated"]));
    const restored = await Promise.all(sites.map((id) => getEntity(halo.client, "Site", id)));
    expect(restored).toEqual(original);
  });

  it("a server-side dry run (Tickets has a validate-only flag) saves nothing", async () => {
    const tickets = [...(await halo.records("Tickets")).keys()].slice(0, 5);
    const plan = planFor("Tickets", ["id", "summary"], tickets, (id) => [`Dry ${id}`], { dryRun: true });
    expect(plan.flags.serverValidate).toBe(true);
    const report = await startRun(plan, haloClientPort(halo.client), { clock: systemClock }).done;
    expect(new Set(report.results.map((r) => r.status))).toEqual(new Set(["WouldUpdate"]));
    const stats = await halo.stats();
    expect(countOf(stats, "POST /api/Tickets")).toBe(1);
    expect(stats.rowsWritten).toMatchObject({ created: 0, updated: 0 });
    expect((await getEntity(halo.client, "Tickets", tickets[0])).summary).not.toBe(`Dry ${tickets[0]}`);
  });

  it("cancel mid-run finishes the batch in flight; rows not sent stay as they were", async () => {
    const before = await halo.records("Client");
    const ids = [...before.keys()].slice(0, 200);
    const plan = planFor("Client", ["id", "name"], ids, (id) => [`Cancelled ${id}`], { batchRows: 25 });
    const handle = startRun(plan, haloClientPort(halo.client), {
      clock: systemClock,
      readBeforeImages: false,
      onProgress: (p) => {
        if (p.requests === 2) handle.cancel();
      },
    });
    const report = await handle.done;
    const statuses = report.results.map((r) => r.status);
    expect(statuses.slice(0, 50)).toEqual(Array(50).fill("Updated"));
    expect(statuses.slice(50)).toEqual(Array(150).fill("NotSent"));
    const after = await halo.records("Client");
    for (const [i, id] of ids.entries())
      expect(after.get(id)?.name).toBe(i < 50 ? `Cancelled ${id}` : before.get(id)?.name);
    expect((await halo.stats()).rowsWritten.updated).toBe(50);
  });

  it("waits for the shared rate limiter and shows the waits as progress", async () => {
    const limited = await startBulkSandbox(
      { seed: 1, rateLimit: "4/1" },
      { rateLimit: { limit: 4, windowMs: 1000, marginMs: 50 } },
    );
    try {
      const ids = [...(await limited.records("Client")).keys()].slice(0, 60);
      const plan = planFor("Client", ["id", "name"], ids, (id) => [`Limited ${id}`], { batchRows: 5 });
      let waitsSeen = 0;
      const report = await startRun(plan, haloClientPort(limited.client), {
        clock: systemClock,
        readBeforeImages: false,
        onProgress: (p) => {
          if (p.waitingMs !== undefined) waitsSeen++;
        },
      }).done;
      expect(new Set(report.results.map((r) => r.status))).toEqual(new Set(["Updated"]));
      expect(report.rateLimitWaits).toBeGreaterThan(0);
      expect(waitsSeen).toBe(report.rateLimitWaits);
      expect((await limited.stats()).rowsWritten.updated).toBe(60);
    } finally {
      await limited.close();
    }
  });
});
