/**
 * Rule: when Halo rejects every row of a batch of at least 4 rows, the rest would fail alike, so the
 * run stops sending. A batch where only some rows are rejected, or a smaller batch, does not stop it.
 */
import { startRun } from "../../../src/bulk/run";
import type { Plan } from "../../../src/bulk/planTypes";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

async function run(plan: Plan, poison: number[]) {
  const clock = new FakeClock();
  const port = new FakeHaloPort(clock).seed(100);
  for (const id of poison) port.poison.add(id);
  const report = await clock.runUntil(startRun(plan, port, { clock, readBeforeImages: false }).done);
  return { report, port, statuses: report.results.map((r) => r.status) };
}

describe("run: rejected rows", () => {
  it("a batch of 10 where 9 rows are rejected does not stop the run", async () => {
    const { report, statuses } = await run(updatePlan(renames(20), 10), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(report.halted).toBeUndefined();
    expect(statuses).toEqual([...Array(9).fill("Failed"), ...Array(11).fill("Updated")]);
  });

  it("a batch of 4 where only some rows are rejected does not stop the run", async () => {
    const { report, statuses } = await run(updatePlan(renames(8), 4), [1, 3]);
    expect(report.halted).toBeUndefined();
    expect(statuses).toEqual(["Failed", "Updated", "Failed", "Updated", ...Array(4).fill("Updated")]);
  });

  it("a batch whose last row to settle is rejected, with others saved, does not stop the run", async () => {
    // Bisection settles row 4 last, as Failed: the batch is done, but not every row of it failed.
    const { report, statuses } = await run(updatePlan(renames(8), 4), [2, 4]);
    expect(report.halted).toBeUndefined();
    expect(statuses).toEqual(["Updated", "Failed", "Updated", "Failed", ...Array(4).fill("Updated")]);
  });

  it("a batch of exactly 4 rows all rejected stops the run; the rest is NotSent", async () => {
    const { report, statuses } = await run(updatePlan(renames(8), 4), [1, 2, 3, 4]);
    expect(statuses).toEqual([...Array(4).fill("Failed"), ...Array(4).fill("NotSent")]);
    expect(report.halted).toMatch(/^Halo rejected every row of a batch of 4 /);
  });

  it("a batch of 3 rows all rejected does not stop the run", async () => {
    const { report, statuses } = await run(updatePlan(renames(6), 3), [1, 2, 3]);
    expect(report.halted).toBeUndefined();
    expect(statuses).toEqual([...Array(3).fill("Failed"), ...Array(3).fill("Updated")]);
  });
});
