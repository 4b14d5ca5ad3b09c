/**
 * Large pushes stay linear: 100,000 rows plan (with a snapshot) and run in well under the test's
 * time-out. Anything quadratic in the row count (per-row scans of all rows, per-batch copies of the
 * whole queue) takes minutes at this size and fails here.
 */
import { buildPlan, type SheetTable } from "../../../src/bulk/plan";
import { startRun } from "../../../src/bulk/run";
import type { HaloPort } from "../../../src/bulk/haloPort";
import { systemClock } from "../../../src/halo/clock";

const ROWS = 100_000;

function table(name: (i: number) => string): SheetTable {
  return {
    headers: ["id", "name"],
    rows: Array.from({ length: ROWS }, (_, i) => ({ rowNumber: i + 2, values: [i + 1, name(i)] })),
  };
}

/** Answers every post at once, counting them. */
function instantPort(): HaloPort & { posts: number } {
  const port = {
    posts: 0,
    post: async (_entity: string, objects: Record<string, unknown>[]) => {
      port.posts++;
      return objects.map((object, index) => ({ index, id: object.id as number }));
    },
    get: async (_entity: string, id: number) => ({ id }),
  };
  return port;
}

describe("100,000 rows", () => {
  it("plan against a snapshot and run in ceil(changed / batch) requests", async () => {
    const snapshot = table((i) => `Client ${i}`);
    const edited = table((i) => (i % 2 === 0 ? `Client ${i} renamed` : `Client ${i}`));
    const plan = buildPlan({ entity: "Client", source: edited, snapshot });
    expect(plan.rows.filter((r) => r.action === "update")).toHaveLength(ROWS / 2);
    expect(plan.rows.filter((r) => r.action === "unchanged")).toHaveLength(ROWS / 2);

    const port = instantPort();
    const report = await startRun(plan, port, { clock: systemClock, readBeforeImages: false }).done;
    expect(port.posts).toBe(Math.ceil(ROWS / 2 / 100));
    expect(report.results.filter((r) => r.status === "Updated")).toHaveLength(ROWS / 2);
  }, 20_000);
});
