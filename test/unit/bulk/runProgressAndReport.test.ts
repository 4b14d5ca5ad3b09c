/**
 * Rule: progress and the report say what the run did and has ahead of it: the requests ahead count the
 * bisection halves still to send as well as the reads to come, the batch size is the one in use, and
 * the report's elapsed time is the clock's. A message ending in an ellipsis is still one sentence in a
 * row's reason.
 */
import { startRun } from "../../../src/bulk/run";
import type { RunProgress } from "../../../src/bulk/runTypes";
import { HaloError } from "../../../src/halo/errors";
import { portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients(40);

describe("run: progress and report", () => {
  it("a rejected batch's halves count in the requests ahead, with the reads still to come", async () => {
    const { clock, port } = setup();
    port.poison.add(3);
    const events: RunProgress[] = [];
    await clock.runUntil(
      startRun(updatePlan(renames(20), 10), port, { clock, onProgress: (e) => events.push(e) }).done,
    );
    // After the first post (10 reads, 1 write, refused): 2 batches of rows, 2 halves and 10 reads ahead.
    expect(events.find((e) => e.requests === 11)).toMatchObject({ rowsDone: 0, requestsAhead: 14 });
  });

  it("shows the batch size in use as it grows", async () => {
    const { clock, port } = setup();
    const events: RunProgress[] = [];
    await clock.runUntil(
      startRun(updatePlan(renames(40), 10), port, {
        clock,
        readBeforeImages: false,
        maxBatchRows: 20,
        onProgress: (e) => events.push(e),
      }).done,
    );
    expect(port.posts.map((p) => p.length)).toEqual([10, 15, 15]);
    expect([...new Set(events.map((e) => e.batchSize))]).toEqual([10, 15, 20]);
  });

  it("reports the time the run took by the clock", async () => {
    const { clock, port } = setup();
    port.latencyMs = 1000;
    const report = await clock.runUntil(
      startRun(updatePlan(renames(30), 10), port, { clock, readBeforeImages: false }).done,
    );
    expect(report.elapsedMs).toBe(3000);
  });

  it("a stopping message that ends in an ellipsis still ends each row's reason with one period", async () => {
    const { clock, port } = setup();
    port.readFault = () => new HaloError("Auth", "Signing in again...", { status: 401 });
    const report = await clock.runUntil(startRun(updatePlan(renames(2), 10), port, { clock }).done);
    expect(report.results[1].message).toBe("Not sent: the run stopped: Signing in again.");
  });
});
