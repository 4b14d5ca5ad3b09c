import { RunMeter } from "../../../src/bulk/runMeter";
import { FakeClock } from "../../fakes/fakeClock";

/** A meter 10 rows into a 40-row run at 1 s per batch of 10. */
async function meterAfterOneBatch(clock: FakeClock): Promise<RunMeter> {
  const meter = new RunMeter(clock, 40);
  meter.willSend(40);
  meter.request("write");
  await clock.advance(1000);
  meter.sent(10);
  meter.rowsDone = 10;
  return meter;
}

describe("RunMeter and a rate limit learned from Halo's 429s", () => {
  it("passes the learned limit on with the ETA that counts it", async () => {
    const clock = new FakeClock(0);
    const meter = await meterAfterOneBatch(clock);
    const learned = { limit: 4, windowMs: 5000 };
    const progress = meter.progress("running", {
      batchSize: 10,
      extraRequests: 0,
      forecast: () => ({ waits: 1, waitMs: 4000, lastAdmittedAt: clock.now() + 4000, learned }),
    });
    expect(progress).toMatchObject({
      requestsAhead: 3,
      waitAheadMs: 4000,
      etaMs: 7000,
      learnedRateLimit: learned,
    });
  });

  it("says nothing of a learned limit while the forecast has none", async () => {
    const clock = new FakeClock(0);
    const meter = await meterAfterOneBatch(clock);
    const progress = meter.progress("running", {
      batchSize: 10,
      extraRequests: 0,
      forecast: () => ({ waits: 0, waitMs: 0, lastAdmittedAt: clock.now() }),
    });
    expect(progress.learnedRateLimit).toBeUndefined();
    expect(progress.etaMs).toBe(3000);
  });
});
