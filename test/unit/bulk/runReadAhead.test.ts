/* Reading the records a run needs (before-images for undo, conflict checks): one list request per
   batch where Halo has an id-list filter (Tickets), one GET per row otherwise, and the ETA's
   requests ahead counting those reads. */
import { buildPlan, startRun, type RunProgress } from "../../../src/bulk";
import { HaloError } from "../../../src/halo/errors";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";

function summaryPlan(entity: string, count: number, field = "summary") {
  return buildPlan({
    entity,
    source: {
      headers: ["id", field],
      rows: Array.from({ length: count }, (_, i) => ({ rowNumber: i + 2, values: [i + 1, `new ${i + 1}`] })),
    },
  });
}

function ticketsPort(clock: FakeClock, count: number): FakeHaloPort {
  return new FakeHaloPort(clock).seed(count, (id) => ({ id, summary: `old ${id}`, status_id: 1 }));
}

describe("run: reading the records it needs", () => {
  it("reads a batch of Tickets in one list request: 250 rows are 3 reads and 3 writes, with exact before-images", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 250);
    const report = await clock.runUntil(startRun(summaryPlan("Tickets", 250), port, { clock }).done);
    expect(report.results.every((r) => r.status === "Updated")).toBe(true);
    expect(port.gets).toEqual([]);
    expect(port.manyReads.map((ids) => ids.length)).toEqual([100, 100, 50]);
    expect(report.reads).toBe(3);
    expect(report.requests).toBe(6);
    expect(report.journal[249]).toMatchObject({ id: 250, before: { id: 250, summary: "old 250" } });
  });

  it("reads one by one a row whose listed record lacks a field it sends", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 3);
    delete port.records.get(2)!.summary;
    const report = await clock.runUntil(startRun(summaryPlan("Tickets", 3), port, { clock }).done);
    expect(port.manyReads).toEqual([[1, 2, 3]]);
    expect(port.gets).toEqual([2]);
    expect(report.journal.map((e) => e.before)).toEqual([
      { id: 1, summary: "old 1" },
      { id: 2, summary: null },
      { id: 3, summary: "old 3" },
    ]);
  });

  it("falls back to one GET per row when the list read fails, each row with its own result", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 3);
    let failures = 20;
    port.readFault = () =>
      port.gets.length === 0 && failures-- > 0
        ? new HaloError("Server", "Halo answered 500", { status: 500 })
        : undefined;
    const report = await clock.runUntil(startRun(summaryPlan("Tickets", 3), port, { clock }).done);
    expect(port.gets).toEqual([1, 2, 3]);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Updated", "Updated"]);
  });

  it("reads Clients (no id-list filter in Halo) one by one, and counts those reads in the requests ahead", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(150);
    const progress: RunProgress[] = [];
    const handle = startRun(summaryPlan("Client", 150, "name"), port, {
      clock,
      onProgress: (p) => progress.push(p),
    });
    await clock.runUntil(handle.done);
    expect(port.gets).toHaveLength(150);
    expect(port.manyReads).toEqual([]);
    // Before anything is sent: 2 batches and 150 reads to come.
    expect(progress[0]?.requestsAhead).toBe(152);
    // After the first batch (100 rows read and written): 1 batch and 50 reads.
    expect(progress.find((p) => p.rowsDone === 100)?.requestsAhead).toBe(51);
  });

  it("counts a batch's list read, not its rows, in the requests ahead of a Tickets run", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 250);
    const progress: RunProgress[] = [];
    const handle = startRun(summaryPlan("Tickets", 250), port, {
      clock,
      onProgress: (p) => progress.push(p),
    });
    await clock.runUntil(handle.done);
    expect(progress[0]?.requestsAhead).toBe(6);
  });
});
