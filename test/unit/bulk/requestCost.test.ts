/* What a plan costs in requests before it runs: write batches, and the reads of the current records
   (one per row, or one per batch where Halo lists records by id), as the run will make them. */
import { buildPlan, requestCost, startRun } from "../../../src/bulk";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";

function plan(entity: string, field: string, count: number, snapshot = false) {
  const rows = Array.from({ length: count }, (_, i) => ({
    rowNumber: i + 2,
    values: [i + 1, `new ${i + 1}`],
  }));
  return buildPlan({
    entity,
    source: { headers: ["id", field], rows },
    ...(snapshot
      ? {
          snapshot: {
            headers: ["id", field],
            // Every other row unchanged since the pull: not sent, not read.
            rows: rows.map((r, i) => ({
              ...r,
              values: [r.values[0]!, i % 2 === 0 ? `old ${i + 1}` : r.values[1]!],
            })),
          },
        }
      : {}),
  });
}

describe("requestCost", () => {
  it("Clients: a read per updated row for Undo's before-images, and the write batches", () => {
    expect(requestCost(plan("Client", "name", 250), { readBeforeImages: true })).toEqual({
      writes: 3,
      reads: 250,
    });
  });

  it("Tickets: one list read per batch", () => {
    expect(requestCost(plan("Tickets", "summary", 250), { readBeforeImages: true })).toEqual({
      writes: 3,
      reads: 3,
    });
  });

  it("no reads when the user leaves them out", () => {
    expect(requestCost(plan("Client", "name", 250), { readBeforeImages: false })).toEqual({
      writes: 3,
      reads: 0,
    });
  });

  it("with a snapshot: only the changed rows, read for the conflict check (none without it)", () => {
    const pulled = plan("Client", "name", 10, true);
    expect(requestCost(pulled, { readBeforeImages: true, conflicts: "skip" })).toEqual({
      writes: 1,
      reads: 5,
    });
    expect(requestCost(pulled, { readBeforeImages: true })).toEqual({ writes: 1, reads: 0 });
  });

  it("matches what the run sends", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(250);
    const clients = plan("Client", "name", 250);
    const report = await clock.runUntil(startRun(clients, port, { clock }).done);
    expect({ writes: report.writes, reads: report.reads }).toEqual(
      requestCost(clients, { readBeforeImages: true }),
    );
  });
});
