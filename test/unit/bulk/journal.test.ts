import { HaloError } from "../../../src/halo/errors";
import { undo, undoPlan } from "../../../src/bulk/journal";
import { startRun } from "../../../src/bulk/run";
import type { RunOptions } from "../../../src/bulk/runTypes";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

function setup() {
  const clock = new FakeClock();
  const port = new FakeHaloPort(clock).seed(20, (id) => ({
    id,
    name: `Client ${id}`,
    phonenumber: id === 3 ? null : `0${id}`,
  }));
  return { clock, port, options: { clock } as RunOptions };
}

describe("journal and undo", () => {
  it("reads before-images from Halo when there is no snapshot, and undo writes them back", async () => {
    const { clock, port, options } = setup();
    const plan = updatePlan(
      renames(5).map((o) => ({ ...o, phonenumber: "999" })),
      2,
    );
    const report = await clock.runUntil(startRun(plan, port, options).done);
    expect(port.gets).toEqual([1, 2, 3, 4, 5]);
    expect(report.journal.map((e) => e.before)).toContainEqual({
      id: 3,
      name: "Client 3",
      phonenumber: null,
    });
    expect(port.records.get(3)).toMatchObject({ name: "Renamed 3", phonenumber: "999" });

    const undone = await clock.runUntil(undo(report, port, options).done);
    expect(undone.results.map((r) => r.status)).toEqual(Array(5).fill("Updated"));
    for (let id = 1; id <= 5; id++)
      expect(port.records.get(id)).toEqual({
        id,
        name: `Client ${id}`,
        phonenumber: id === 3 ? null : `0${id}`,
      });
    // The undo run knew its before-images (what the first run sent): no reads.
    expect(port.gets).toHaveLength(5);
    expect(undone.journal.map((e) => e.before.name)).toEqual(renames(5).map((o) => o.name));
  });

  it("uses the snapshot's before-images without reading", async () => {
    const { clock, port, options } = setup();
    const plan = updatePlan([{ id: 7, name: "New name" }]);
    plan.rows[0].before = { id: 7, name: "Client 7" };
    const report = await clock.runUntil(startRun(plan, port, options).done);
    expect(port.gets).toEqual([]);
    expect(report.journal).toEqual([
      { key: 0, rowNumber: 2, id: 7, before: { id: 7, name: "Client 7" }, sent: { id: 7, name: "New name" } },
    ]);
  });

  it("undo restores Unknown rows too, skips created ones, and leaves failed rows alone", async () => {
    const { clock, port, options } = setup();
    port.poison.add(2);
    port.faults.push("timeoutBeforeApply");
    const plan = updatePlan([{ id: 1, name: "x" }, { id: 2, name: "y" }, { name: "created" }], 100);
    // One attempt per row, and reading back after the lost answer fails: nothing can settle the rows.
    port.onPost = () => {
      port.readFault = () => new HaloError("Network", "connection refused");
    };
    const first = await clock.runUntil(startRun(plan, port, { ...options, retry: { maxAttempts: 1 } }).done);
    port.onPost = () => {};
    port.readFault = () => undefined;
    expect(first.results.map((r) => r.status)).toEqual(["Unknown", "Unknown", "Unknown"]);
    const again = updatePlan([{ id: 1, name: "x" }, { id: 2, name: "y" }, { name: "created" }], 100);
    const second = await clock.runUntil(startRun(again, port, options).done);
    expect(second.results.map((r) => r.status)).toEqual(["Updated", "Failed", "Created"]);
    const plan2 = undoPlan(second);
    expect(plan2.rows.map((r) => [r.action, r.id])).toEqual([
      ["update", 1],
      ["skip", 10_000],
    ]);
    expect(plan2.rows[1].reason).toContain("undo does not delete records");
    expect(undoPlan(first).rows.map((r) => [r.action, r.id])).toEqual([
      ["update", 1],
      ["update", 2],
    ]);
  });

  it("never wipes custom fields of an entity that replaces the list: reads and merges first", async () => {
    const { clock, port, options } = setup();
    port.records.set(1, {
      id: 1,
      customfields: [
        { id: 145, name: "CFContractRef", value: "old", type: 0 },
        { id: 146, name: "CFRegion", value: "North" },
      ],
    });
    const plan = updatePlan([{ id: 1, customfields: [{ name: "CFContractRef", value: "new" }] }]);
    const report = await clock.runUntil(startRun(plan, port, { ...options, readBeforeImages: false }).done);
    expect(report.results[0].status).toBe("Updated");
    expect(port.gets).toEqual([1]);
    expect(port.posts[0][0].customfields).toEqual([
      { id: 145, name: "CFContractRef", value: "new" },
      { id: 146, name: "CFRegion", value: "North" },
    ]);
    expect(port.records.get(1)?.customfields).toEqual([
      { id: 145, name: "CFContractRef", value: "new" },
      { id: 146, name: "CFRegion", value: "North" },
    ]);
    // Undo restores the custom field too.
    await clock.runUntil(undo(report, port, { ...options, readBeforeImages: false }).done);
    expect(port.records.get(1)?.customfields).toContainEqual({
      id: 145,
      name: "CFContractRef",
      value: "old",
    });
    expect(port.records.get(1)?.customfields).toContainEqual({ id: 146, name: "CFRegion", value: "North" });
  });

  it("a row whose record cannot be read for the merge fails alone, unsent", async () => {
    const { clock, port, options } = setup();
    const plan = updatePlan([
      { id: 404, customfields: [{ id: 1, value: "x" }] },
      { id: 1, name: "fine" },
    ]);
    const report = await clock.runUntil(startRun(plan, port, { ...options, readBeforeImages: false }).done);
    expect(report.results.map((r) => r.status)).toEqual(["Failed", "Updated"]);
    expect(report.results[0].message).toMatch(/could not read record 404 to keep its other custom fields/);
    expect(port.posts).toEqual([[{ id: 1, name: "fine" }]]);
  });

  it("unreadable rows drop out of their batch; the others keep their order and fill the batch", async () => {
    const { clock, port, options } = setup();
    const plan = updatePlan(
      [901, 1, 902, 2, 3, 903, 904, 4, 5, 6].map((id) => ({
        id,
        customfields: [{ id: 145, value: `v${id}` }],
      })),
      3,
    );
    const report = await clock.runUntil(startRun(plan, port, { ...options, readBeforeImages: false }).done);
    expect(report.results.map((r) => r.status)).toEqual([
      "Failed",
      "Updated",
      "Failed",
      "Updated",
      "Updated",
      "Failed",
      "Failed",
      "Updated",
      "Updated",
      "Updated",
    ]);
    expect(port.posts.map((batch) => batch.map((o) => o.id))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });
});
