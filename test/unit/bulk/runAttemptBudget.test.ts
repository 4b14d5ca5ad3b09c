/**
 * Rule: every row has one budget of sends (the retry policy's maxAttempts). A send whose answer was
 * lost uses one, so the row's resend gets only what is left; a 400 that refused its batch because of
 * another row is an answer and uses none, so a good row bisected beside a bad one keeps all its retries.
 */
import { startRun } from "../../../src/bulk/run";
import { portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients();

describe("run: the attempt budget", () => {
  it("a resend after a lost answer gets only the attempts left", async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutBeforeApply", ...Array<"rateLimited">(10).fill("rateLimited"));
    const report = await clock.runUntil(
      startRun(updatePlan(renames(1)), port, { clock, readBeforeImages: false, retry: { maxAttempts: 3 } })
        .done,
    );
    // One lost send, then the resend's 2 attempts, both refused with a 429.
    expect(port.outcomes).toEqual(["timeoutBeforeApply", "rateLimited", "rateLimited"]);
    expect(report.fatal).toEqual({ kind: "RateLimited", message: "429 Too Many Requests (3 attempts)" });
    expect(report.results[0].status).toBe("Unknown");
  });

  it("a good row refused three times beside a bad one still has its retries for a 429", async () => {
    const { clock, port } = setup();
    port.poison.add(1);
    // Batches [1-8], [1-4], [1-2] and [1] are refused for row 1; row 2's own batch then meets one 429.
    port.faults.push("ok", "ok", "ok", "ok", "rateLimited");
    const report = await clock.runUntil(
      startRun(updatePlan(renames(8), 8), port, { clock, readBeforeImages: false, retry: { maxAttempts: 3 } })
        .done,
    );
    expect(report.fatal).toBeUndefined();
    expect(report.results.map((r) => r.status)).toEqual(["Failed", ...Array(7).fill("Updated")]);
    expect(port.posts.map((p) => p.map((o) => o.id))).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [1, 2, 3, 4],
      [1, 2],
      [1],
      [2],
      [2],
      [3, 4],
      [5, 6, 7, 8],
    ]);
  });
});
