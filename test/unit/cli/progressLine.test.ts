import { HaloError } from "../../../src/halo/errors";
import { CliError, errorLine } from "../../../src/cli/cliErrors";
import { progressLine, progressPrinter } from "../../../src/cli/progressLine";
import type { RunProgress } from "../../../src/bulk/runTypes";

const base: RunProgress = {
  state: "running",
  rowsDone: 300,
  rowsTotal: 2000,
  requests: 3,
  rateLimitWaits: 0,
  rateLimitWaitMs: 0,
  batchSize: 100,
  elapsedMs: 3000,
};

describe("progress and error lines", () => {
  it("shows rows, requests, waits and ETA", () => {
    expect(progressLine({ ...base, etaMs: 17_000 })).toBe(
      "push: 300/2000 rows, 3 requests, batch 100, ETA 17 s",
    );
    expect(
      progressLine({
        ...base,
        rateLimitWaits: 2,
        rateLimitWaitMs: 61_000,
        waitingMs: 30_000,
        etaMs: 125_000,
      }),
    ).toBe(
      "push: 300/2000 rows, 3 requests, batch 100, 2 rate-limit waits (1 min 1 s), waiting 30 s for the rate limit, ETA 2 min 5 s",
    );
    // The ETA counts the rate-limit waits still to come, and says how much of it they are.
    expect(progressLine({ ...base, requests: 290, etaMs: 320_000, waitAheadMs: 300_000 })).toBe(
      "push: 300/2000 rows, 290 requests, batch 100, ETA 5 min 20 s (incl. 5 min 0 s of rate-limit waits)",
    );
    expect(progressLine({ ...base, state: "paused" })).toMatch(/, paused$/);
    expect(progressLine({ ...base, etaMs: 119_500 })).toMatch(/ETA 2 min 0 s$/);
    expect(progressLine({ ...base, etaMs: 59_001 })).toMatch(/ETA 1 min 0 s$/);
  });

  it("prints only when something changed", () => {
    const lines: string[] = [];
    const print = progressPrinter((t) => lines.push(t));
    print(base);
    print(base);
    print({ ...base, rowsDone: 400, requests: 4 });
    print({ ...base, rowsDone: 400, requests: 4, waitingMs: 1000 });
    expect(lines).toHaveLength(3);
  });

  it("names the failure plainly", () => {
    expect(errorLine(new CliError("Usage", "--in is required."))).toBe("halosheet: --in is required.");
    expect(errorLine(new HaloError("Auth", "Invalid client secret."))).toBe(
      "halosheet: sign-in failed: Invalid client secret.",
    );
    expect(errorLine(new HaloError("Network", "No answer from x"))).toBe(
      "halosheet: cannot reach Halo: No answer from x",
    );
    expect(errorLine(new Error("boom"))).toBe("halosheet: unexpected error: boom");
  });
});
