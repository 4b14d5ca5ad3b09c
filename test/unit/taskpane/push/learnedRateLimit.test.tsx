/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/* When Halo's 429s have shown a stricter limit than its usual 300 per 5 minutes, the pane says so where
   it gives the time left and the waiting before a push: an admin sees why the ETA jumped. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import type { HaloPort, RunProgress } from "../../../../src/bulk";
import type { RateLimitForecast } from "../../../../src/halo";
import { RequestCostNote } from "../../../../src/taskpane/push/RequestCostNote";
import { RunProgressView } from "../../../../src/taskpane/push/RunProgressView";
import { renames, updatePlan } from "../../bulk/planFixtures";

const FOUR_PER_5_S = { limit: 4, windowMs: 5300 };

function progress(extra: Partial<RunProgress>): RunProgress {
  return {
    state: "running",
    rowsDone: 400,
    rowsTotal: 2000,
    requests: 9,
    rateLimitWaits: 2,
    rateLimitWaitMs: 8000,
    batchSize: 100,
    elapsedMs: 12_000,
    requestsAhead: 36,
    waitAheadMs: 40_000,
    etaMs: 46_000,
    ...extra,
  };
}

function showProgress(p: RunProgress): void {
  const run = {
    runId: "r1",
    kind: "push" as const,
    progress: p,
    pause: () => {},
    resume: () => {},
    cancel: () => {},
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <RunProgressView run={run} />
    </FluentProvider>,
  );
}

function portForecasting(forecast: RateLimitForecast): HaloPort {
  return {
    post: () => Promise.resolve([]),
    get: () => Promise.resolve({}),
    rateLimitForecast: () => forecast,
  };
}

describe("a rate limit learned from Halo's 429s, in the pane", () => {
  it("the progress says what Halo is allowing, beside the time left that counts it", () => {
    showProgress(progress({ learnedRateLimit: FOUR_PER_5_S }));
    expect(screen.getByText("About 46 s left.")).toBeTruthy();
    expect(screen.getByText("About 36 more requests, ~40 s of rate-limit waits ahead.")).toBeTruthy();
    expect(
      screen.getByText(
        "Halo is allowing about 4 requests per 5 s here, far fewer than its usual 300 per 5 minutes, so the time left counts the waits for that.",
      ),
    ).toBeTruthy();
  });

  it("the progress says nothing of it while Halo has shown no stricter limit", () => {
    showProgress(progress({}));
    expect(screen.queryByText(/Halo is allowing/)).toBeNull();
  });

  it("a window of minutes reads in minutes", () => {
    showProgress(progress({ learnedRateLimit: { limit: 100, windowMs: 300_000 } }));
    expect(screen.getByText(/^Halo is allowing about 100 requests per 5 minutes here/)).toBeTruthy();
  });

  it("the preview's cost note names the rate Halo allowed here when it counts with it", () => {
    const plan = updatePlan(renames(2000));
    render(
      <FluentProvider theme={webLightTheme}>
        <RequestCostNote
          plan={plan}
          reads={{ readBeforeImages: false }}
          port={portForecasting({ waits: 4, waitMs: 21_000, lastAdmittedAt: 0, learned: FOUR_PER_5_S })}
        />
      </FluentProvider>,
    );
    expect(screen.getByLabelText("Requests").textContent).toBe(
      "Sends about 20 requests: 20 writes. At the rate Halo allowed here (about 4 requests per 5 s, fewer than its usual 300 per 5 minutes) that is ~21 s of waiting.",
    );
  });
});
