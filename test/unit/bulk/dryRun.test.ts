import { startRun } from "../../../src/bulk/run";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { NO_FLAGS, renames, updatePlan } from "./planFixtures";

describe("dry runs", () => {
  it("a local dry run (no validate-only flag) sends nothing and says what would change", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(5);
    const plan = updatePlan([...renames(2), { name: "New" }], 100, { ...NO_FLAGS, dryRun: true });
    plan.rows[0].changes = [{ field: "name", old: "Client 1", new: "Renamed 1" }];
    const report = await clock.runUntil(startRun(plan, port, { clock }).done);
    expect(port.posts).toEqual([]);
    expect(port.gets).toEqual([]);
    expect(report.requests).toBe(0);
    expect(report.dryRun).toBe(true);
    expect(report.results.map((r) => r.status)).toEqual(["WouldUpdate", "WouldUpdate", "WouldCreate"]);
    expect(report.results[0].message).toMatch(/would update name\); nothing was sent/);
  });

  it("a server-side dry run sends the validate-only flag, and Halo's rejections come back per row", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(5);
    port.poison.add(2);
    const flags = { ...NO_FLAGS, dryRun: true, serverValidate: true, objectFields: { _validate_only: true } };
    const report = await clock.runUntil(startRun(updatePlan(renames(3), 100, flags), port, { clock }).done);
    expect(port.posts[0]).toEqual(renames(3).map((o) => ({ ...o, _validate_only: true })));
    expect(report.results.map((r) => r.status)).toEqual(["WouldUpdate", "Failed", "WouldUpdate"]);
    // Nothing is journalled or read for a dry run.
    expect(report.journal).toEqual([]);
    expect(port.gets).toEqual([]);
  });
});
