/* Conflicts: a row whose snapshot before-image no longer matches Halo is not written over. */
import { buildPlan, startRun, type JournalEntry, type RowResult } from "../../../src/bulk";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";

function pulledPlan() {
  return buildPlan({
    entity: "Client",
    source: {
      headers: ["id", "item_tax_code"],
      rows: [
        { rowNumber: 2, values: [1, 3] },
        { rowNumber: 3, values: [2, 3] },
      ],
    },
    snapshot: {
      headers: ["id", "item_tax_code"],
      rows: [
        { rowNumber: 2, values: [1, 1] },
        { rowNumber: 3, values: [2, 1] },
      ],
    },
  });
}

function setup() {
  const clock = new FakeClock();
  const port = new FakeHaloPort(clock).seed(2, (id) => ({ id, item_tax_code: 1 }));
  port.records.get(2)!.item_tax_code = 2; // changed in Halo after the pull
  return { clock, port };
}

describe("run: conflicts", () => {
  it('"skip": the changed row is a Conflict naming the field, the other row goes; results and journal stream out', async () => {
    const { clock, port } = setup();
    const streamed: RowResult[] = [];
    const journal: JournalEntry[] = [];
    const handle = startRun(pulledPlan(), port, {
      clock,
      conflicts: "skip",
      onResult: (r) => streamed.push(r),
      onJournal: (e) => journal.push(e),
    });
    const report = await clock.runUntil(handle.done);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Conflict"]);
    expect(report.results[1]?.message).toBe(
      "Conflict: changed in Halo since the pull: item_tax_code (was 1, Halo has 2). Not sent.",
    );
    expect(port.posts).toEqual([[{ id: 1, item_tax_code: 3 }]]);
    expect(port.records.get(2)?.item_tax_code).toBe(2);
    expect(streamed.map((r) => r.status).sort()).toEqual(["Conflict", "Updated"]);
    expect(journal).toEqual(report.journal);
  });

  it('"overwrite": both rows go, and the before-image is what Halo held (so undo restores it)', async () => {
    const { clock, port } = setup();
    const handle = startRun(pulledPlan(), port, { clock, conflicts: "overwrite" });
    const report = await clock.runUntil(handle.done);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Updated"]);
    expect(report.journal.find((e) => e.id === 2)?.before).toEqual({ id: 2, item_tax_code: 2 });
  });

  it("without a conflict check the snapshot's before-image is kept and nothing is read", async () => {
    const { clock, port } = setup();
    const handle = startRun(pulledPlan(), port, { clock });
    const report = await clock.runUntil(handle.done);
    expect(port.gets).toEqual([]);
    expect(report.journal.find((e) => e.id === 2)?.before).toEqual({ id: 2, item_tax_code: 1 });
  });
});
