/**
 * Rule: the batch grows only after a full batch came back within the "fast" time: 5 s unless the
 * caller sets another. A slower answer keeps the size, so a struggling Halo is not given more.
 */
import { startRun } from "../../../src/bulk/run";
import type { RunOptions } from "../../../src/bulk/runTypes";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

/** The sizes of the batches a run of 300 rows sends, starting at 100, when each answer takes `latencyMs`. */
async function batchSizes(latencyMs: number, options: Partial<RunOptions> = {}): Promise<number[]> {
  const clock = new FakeClock();
  const port = new FakeHaloPort(clock).seed(300);
  port.latencyMs = latencyMs;
  const run = startRun(updatePlan(renames(300), 100), port, {
    clock,
    readBeforeImages: false,
    maxBatchRows: 400,
    ...options,
  });
  await clock.runUntil(run.done);
  return port.posts.map((p) => p.length);
}

describe("run: when the batch grows", () => {
  it("by default an answer within 5 s is fast: the batch grows", async () => {
    expect(await batchSizes(5000)).toEqual([100, 150, 50]);
  });

  it("by default an answer after more than 5 s is not: the batch keeps its size", async () => {
    expect(await batchSizes(5001)).toEqual([100, 100, 100]);
  });

  it("a caller's fast time replaces the default", async () => {
    expect(await batchSizes(1001, { fastMs: 1000 })).toEqual([100, 100, 100]);
    expect(await batchSizes(1000, { fastMs: 1000 })).toEqual([100, 150, 50]);
  });
});
