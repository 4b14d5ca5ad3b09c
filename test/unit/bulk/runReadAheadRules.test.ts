/**
 * Rule: a batch's records are read in one list request only where that saves requests and reads
 * exactly what is needed: two or more updates that need their record (a single one is one GET
 * either way), never a create, a row that needs no reading, or a row sending custom fields (a list
 * row has none). A sign-in failure on the list read stops the run like any other read's. And the
 * requests still to come count one read per batch only when the port can list.
 */
import { buildPlan, startRun, type RunProgress } from "../../../src/bulk";
import type { HaloObject } from "../../../src/bulk/payload";
import { HaloError } from "../../../src/halo/errors";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { updatePlan } from "./planFixtures";

function ticketsPort(clock: FakeClock, count: number): FakeHaloPort {
  return new FakeHaloPort(clock).seed(count, (id) => ({ id, summary: `old ${id}`, status_id: 1 }));
}

const summaries = (count: number): HaloObject[] =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, summary: `new ${i + 1}` }));

const ticketsPlan = (objects: HaloObject[]) => ({ ...updatePlan(objects), entity: "Tickets" });

describe("run: which records a list read takes", () => {
  it("one row to read is one GET; two are one list read", async () => {
    const clock = new FakeClock();
    const one = ticketsPort(clock, 2);
    await clock.runUntil(startRun(ticketsPlan(summaries(1)), one, { clock }).done);
    expect([one.manyReads, one.gets]).toEqual([[], [1]]);
    const two = ticketsPort(clock, 2);
    await clock.runUntil(startRun(ticketsPlan(summaries(2)), two, { clock }).done);
    expect([two.manyReads, two.gets]).toEqual([[[1, 2]], []]);
  });

  it("no list read when no row needs its record", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 3);
    const report = await clock.runUntil(
      startRun(ticketsPlan(summaries(3)), port, { clock, readBeforeImages: false }).done,
    );
    expect([port.manyReads, port.gets]).toEqual([[], []]);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Updated", "Updated"]);
  });

  it("a create and a row sending custom fields stay out of the list read", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 3);
    const plan = ticketsPlan([
      { summary: "a new ticket" },
      ...summaries(2),
      { id: 3, customfields: [{ id: 5, value: "x" }] },
    ]);
    const report = await clock.runUntil(startRun(plan, port, { clock }).done);
    expect(port.manyReads).toEqual([[1, 2]]);
    // Its custom fields are merged from its own record, which only a GET returns whole.
    expect(port.gets).toEqual([3]);
    expect(report.results.map((r) => r.status)).toEqual(["Created", "Updated", "Updated", "Updated"]);
  });

  it("a list read refused for sign-in stops the run: nothing is read one by one or sent", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 3);
    port.readFault = () => new HaloError("Auth", "The client secret was refused.", { status: 401 });
    const report = await clock.runUntil(startRun(ticketsPlan(summaries(3)), port, { clock }).done);
    expect(port.manyReads).toEqual([[1, 2, 3]]);
    expect(port.gets).toEqual([]);
    expect(port.posts).toEqual([]);
    expect(report.fatal?.kind).toBe("Auth");
    expect(report.results.map((r) => r.status)).toEqual(["NotSent", "NotSent", "NotSent"]);
  });

  it("a conflict check of Tickets compares the listed records, and names what the before-image came from", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 2);
    port.records.get(2)!.summary = "changed in Halo";
    const table = (values: string[]) => ({
      headers: ["id", "summary"],
      rows: values.map((summary, i) => ({ rowNumber: i + 2, values: [i + 1, summary] })),
    });
    const plan = buildPlan({
      entity: "Tickets",
      source: table(["new 1", "new 2"]),
      snapshot: table(["old 1", "old 2"]),
    });
    const report = await clock.runUntil(
      startRun(plan, port, { clock, conflicts: "skip", conflictsSince: "this push" }).done,
    );
    expect(port.manyReads).toEqual([[1, 2]]);
    expect(port.gets).toEqual([]);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Conflict"]);
    expect(report.results[1].message).toBe(
      'Conflict: changed in Halo since this push: summary (was "old 2", Halo has "changed in Halo"). Not sent.',
    );
  });

  it("a port that cannot list counts one read per row in the requests ahead, even for Tickets", async () => {
    const clock = new FakeClock();
    const port = ticketsPort(clock, 150);
    const single = Object.assign(port, { getMany: undefined });
    const progress: RunProgress[] = [];
    const plan = { ...ticketsPlan(summaries(150)), batchRows: 100 };
    await clock.runUntil(startRun(plan, single, { clock, onProgress: (p) => progress.push(p) }).done);
    expect(port.gets).toHaveLength(150);
    // Before anything is sent: 2 batches and 150 reads to come.
    expect(progress[0]?.requestsAhead).toBe(152);
  });
});
