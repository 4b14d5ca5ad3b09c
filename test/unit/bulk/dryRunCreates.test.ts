/**
 * Rule: a server-side dry run reports each row as what it would be: a create as WouldCreate, an
 * update as WouldUpdate, and nothing is created, journalled or read.
 */
import { startRun } from "../../../src/bulk/run";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { NO_FLAGS, updatePlan } from "./planFixtures";

describe("server-side dry run", () => {
  it("reports a create as WouldCreate and an update as WouldUpdate", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(5);
    const flags = { ...NO_FLAGS, dryRun: true, serverValidate: true, objectFields: { _validate_only: true } };
    const plan = updatePlan([{ name: "New client" }, { id: 2, name: "Renamed 2" }], 100, flags);
    const report = await clock.runUntil(startRun(plan, port, { clock }).done);
    expect(port.posts).toEqual([
      [
        { name: "New client", _validate_only: true },
        { id: 2, name: "Renamed 2", _validate_only: true },
      ],
    ]);
    expect(report.results.map((r) => [r.status, r.message])).toEqual([
      ["WouldCreate", "Dry run: Halo validated this row; nothing was saved."],
      ["WouldUpdate", "Dry run: Halo validated this row; nothing was saved."],
    ]);
    expect(report.results[0].id).toBeUndefined();
    expect(report.journal).toEqual([]);
    expect(port.gets).toEqual([]);
  });
});
