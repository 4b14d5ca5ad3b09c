import { startRun } from "../../../src/bulk/run";
import type { Plan } from "../../../src/bulk/planTypes";
import type { RunOptions, RunProgress, RunReport } from "../../../src/bulk/runTypes";
import { HaloError } from "../../../src/halo/errors";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

function setup(records = 1000): { clock: FakeClock; port: FakeHaloPort } {
  const clock = new FakeClock();
  return { clock, port: new FakeHaloPort(clock).seed(records) };
}

async function runToEnd(plan: Plan, port: FakeHaloPort, clock: FakeClock, options: Partial<RunOptions> = {}) {
  const handle = startRun(plan, port, { clock, readBeforeImages: false, ...options });
  return clock.runUntil(handle.done);
}

/**
 * Every planned row has exactly one result, in key order, and no id was written twice except
 * `resent` (updates whose answer was lost after Halo applied them: sent again, same values).
 */
function expectEachRowOnce(report: RunReport, plan: Plan, port: FakeHaloPort, resent: unknown[] = []): void {
  expect(report.results.map((r) => r.key)).toEqual(plan.rows.map((r) => r.key));
  const counts = new Map<number, number>();
  for (const id of port.applied) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1).map(([id]) => id)).toEqual(resent);
}

const statuses = (report: RunReport) => report.results.map((r) => r.status);

/** The port with a shared rate limiter whose waits the test announces through `listeners`. */
function withRateLimiter(port: FakeHaloPort) {
  const listeners: ((ms: number) => void)[] = [];
  const limited = Object.assign(port, {
    onRateLimitWait: (l: (ms: number) => void) => {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
  });
  return { limited, listeners };
}

/** A run of 30 or 40 rows in batches of 10 whose progress events are kept. */
function startRecorded(rows: number, port: FakeHaloPort, clock: FakeClock) {
  const events: RunProgress[] = [];
  const handle = startRun(updatePlan(renames(rows), 10), port, {
    clock,
    readBeforeImages: false,
    onProgress: (e) => events.push(e),
  });
  return { handle, events };
}

describe("run", () => {
  it("updates every row in ceil(rows / batch) requests", async () => {
    const { clock, port } = setup();
    const plan = updatePlan(renames(250), 100);
    const report = await runToEnd(plan, port, clock);
    expect(port.posts.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(report.requests).toBe(3);
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
    expect(port.records.get(250)?.name).toBe("Renamed 250");
    expectEachRowOnce(report, plan, port);
  });

  it("creates rows without an id and reports the new ids", async () => {
    const { clock, port } = setup(0);
    const plan = updatePlan([{ name: "New A" }, { name: "New B" }]);
    const report = await runToEnd(plan, port, clock);
    expect(report.results.map((r) => [r.status, r.id])).toEqual([
      ["Created", 10_000],
      ["Created", 10_001],
    ]);
  });

  it.each([
    [[37], 100],
    [[10, 11], 100],
    [[3, 17, 18, 44, 45, 46, 70, 99, 100], 100],
  ])("bisects a rejected batch down to the bad rows %p", async (bad, count) => {
    const { clock, port } = setup();
    bad.forEach((id) => port.poison.add(id));
    const plan = updatePlan(renames(count), 100);
    const report = await runToEnd(plan, port, clock);
    const failed = report.results.filter((r) => r.status === "Failed");
    expect(failed.map((r) => r.id ?? r.rowNumber - 1)).toEqual(bad);
    for (const r of failed) expect(r.message).toBe(`Record ${r.rowNumber - 1}: name is not valid`);
    expect(report.results.filter((r) => r.status === "Updated")).toHaveLength(count - bad.length);
    expect(port.applied.sort((a, b) => a - b)).toEqual(
      renames(count)
        .map((o) => o.id)
        .filter((id) => !bad.includes(id as number)),
    );
    expectEachRowOnce(report, plan, port);
    // Bisection costs about 2 * log2(batch) requests per bad row, far fewer than one per row.
    expect(report.requests).toBeLessThanOrEqual(1 + bad.length * 2 * Math.ceil(Math.log2(count)));
  });

  it("a lost answer on an update batch costs one resend of that batch, no reads", async () => {
    const { clock, port } = setup();
    port.faults.push("ok", "timeoutAfterApply");
    const plan = updatePlan(renames(30), 10);
    const report = await runToEnd(plan, port, clock, { retry: { random: () => 0.5 } });
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
    const resent = report.results.filter((r) => r.message.startsWith("Updated (sent again: No answer"));
    expect(resent.map((r) => r.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(port.gets).toEqual([]);
    // The same batch again, then the rest in halves: the time-out halved the batch size.
    expect(port.posts.map((p) => p.length)).toEqual([10, 10, 10, 5, 5]);
    expect(port.posts[2]).toEqual(port.posts[1]);
    expect(report.requests).toBe(5);
    // One back-off before the resend (1 s base, half fixed, half jitter at 0.5).
    expect(clock.sleeps).toEqual([750]);
  });

  it("a lost answer before Halo applied an update batch: the resend applies it once", async () => {
    const { clock, port } = setup();
    port.faults.push("resetBeforeApply");
    const plan = updatePlan(renames(3));
    const report = await runToEnd(plan, port, clock);
    expect(statuses(report)).toEqual(["Updated", "Updated", "Updated"]);
    expect(port.posts).toHaveLength(2);
    expect(port.applied).toEqual([1, 2, 3]);
    expectEachRowOnce(report, plan, port);
  });

  it("a lost answer on a create batch reads the new records back and never creates twice", async () => {
    const { clock, port } = setup(5);
    port.faults.push("timeoutAfterApply");
    const plan = updatePlan([{ name: "New A", phonenumber: "1" }, { id: 2, name: "Two" }, { name: "New B" }]);
    const report = await runToEnd(plan, port, clock);
    expect(report.results.map((r) => [r.status, r.id])).toEqual([
      ["Created", 10_000],
      ["Updated", 2],
      ["Created", 10_001],
    ]);
    expect(report.results[0].message).toBe(
      "Created (No answer within 60 s; reading back found record 10000).",
    );
    // One read of the newest records; only the update went again.
    expect(port.newestReads).toEqual([22]);
    expect(port.posts.map((p) => p.map((o) => o.id ?? o.name))).toEqual([["New A", 2, "New B"], [2]]);
    expect(port.applied.filter((id) => id >= 10_000)).toEqual([10_000, 10_001]);
    expect(report.requests).toBe(3);
  });

  it("a create proven not applied by the read-back is sent again within the run", async () => {
    const { clock, port } = setup(5);
    port.faults.push("timeoutBeforeApply");
    const plan = updatePlan([{ name: "New A" }, { name: "New B" }]);
    const report = await runToEnd(plan, port, clock);
    expect(report.results.map((r) => [r.status, r.id])).toEqual([
      ["Created", 10_000],
      ["Created", 10_001],
    ]);
    expect(report.results[0].message).toBe("Created (sent again: No answer within 60 s).");
    expect(port.newestReads).toHaveLength(1);
    expect(port.posts).toHaveLength(2);
    expect(port.applied).toEqual([10_000, 10_001]);
  });

  it("an update a second send would repeat (Actions) is read back: resent only when proven unapplied", async () => {
    const { clock, port } = setup();
    port.faults.push("resetBeforeApply", "ok", "badGatewayAfterApply");
    const notes = (from: number) => [1, 2].map((i) => ({ id: from + i, note: `note ${from + i}` }));
    const plan = { ...updatePlan([...notes(0), ...notes(10)], 2), entity: "Actions" };
    const report = await runToEnd(plan, port, clock);
    expect(statuses(report)).toEqual(["Updated", "Updated", "Updated", "Updated"]);
    // Both lost batches were read back in one request each.
    expect(port.manyReads).toEqual([
      [1, 2],
      [11, 12],
    ]);
    // Rows 1-2 held their old values and went again; rows 11-12 were applied and were not resent.
    expect(port.posts.map((p) => p.map((o) => o.id))).toEqual([
      [1, 2],
      [1, 2],
      [11, 12],
    ]);
    expect(report.results[2].message).toBe(
      "Updated (Halo answered 502; reading the record back shows the change).",
    );
    expect(report.results[0].message).toBe("Updated (sent again: The connection was reset).");
    expect(report.requests).toBe(5);
  });

  it("a 400 naming the bad object's path drops that row and resends the rest in one request", async () => {
    const { clock, port } = setup();
    port.badField.set(7, "item_tax_code");
    const plan = updatePlan(renames(20), 10);
    const report = await runToEnd(plan, port, clock);
    expect(report.results[6]).toMatchObject({ status: "Failed", rowNumber: 8 });
    expect(report.results[6].message).toContain("Path '[6].item_tax_code'");
    expect(statuses(report).filter((s) => s === "Updated")).toHaveLength(19);
    expect(port.posts.map((p) => p.length)).toEqual([10, 9, 10]);
    expect(port.posts[1].map((o) => o.id)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
    expect(report.requests).toBe(3);
  });

  it("a permanent 429 on a batch: attempts bounded by the policy and every one counted", async () => {
    const { clock, port } = setup();
    port.faults.push(...Array<"rateLimited">(30).fill("rateLimited"));
    const events: RunProgress[] = [];
    const report = await runToEnd(updatePlan(renames(1)), port, clock, {
      onProgress: (e) => events.push(e),
    });
    expect(port.posts).toHaveLength(5);
    expect(report.requests).toBe(5);
    expect(report.rateLimitWaits).toBe(4);
    expect(report.rateLimitWaitMs).toBe(8000);
    expect(statuses(report)).toEqual(["NotSent"]);
    expect(report.fatal).toEqual({ kind: "RateLimited", message: "429 Too Many Requests (5 attempts)" });
    expect(events.at(-1)).toMatchObject({ requests: 5, rateLimitWaits: 4, rateLimitWaitMs: 8000 });
  });

  describe("an update whose answer is lost on every attempt the budget allows is read back once", () => {
    it("Halo never saved it: NotSent, saying so, so Retry failed sends it again", async () => {
      const { clock, port } = setup();
      port.faults.push(...Array<"timeoutBeforeApply">(5).fill("timeoutBeforeApply"));
      const report = await runToEnd(updatePlan(renames(2)), port, clock, { retry: { maxAttempts: 3 } });
      expect(port.posts).toHaveLength(3);
      expect(port.manyReads).toEqual([[1, 2]]);
      expect(statuses(report)).toEqual(["NotSent", "NotSent"]);
      expect(report.results[0].message).toBe(
        "No answer within 60 s. Sent 3 times and reading the record back shows Halo did not save it; push it again.",
      );
      expect(report.requests).toBe(4);
    });

    it("Halo saved it every time: Updated, from the reading", async () => {
      const { clock, port } = setup();
      port.faults.push(...Array<"timeoutAfterApply">(3).fill("timeoutAfterApply"));
      const report = await runToEnd(updatePlan(renames(2)), port, clock, { retry: { maxAttempts: 3 } });
      expect(port.posts).toHaveLength(3);
      expect(statuses(report)).toEqual(["Updated", "Updated"]);
      expect(report.results[0].message).toBe(
        "Updated (No answer within 60 s; reading the record back shows the change).",
      );
    });

    it("the reading fails too: Unknown, with the number of sends and why", async () => {
      const { clock, port } = setup();
      port.faults.push(...Array<"timeoutBeforeApply">(3).fill("timeoutBeforeApply"));
      port.readFault = () => new HaloError("Network", "connection refused");
      const report = await runToEnd(updatePlan(renames(1)), port, clock, { retry: { maxAttempts: 3 } });
      expect(port.posts).toHaveLength(3);
      expect(statuses(report)).toEqual(["Unknown"]);
      expect(report.results[0].message).toMatch(
        /^No answer within 60 s\. Sent 3 times without a definite answer: Halo may hold the change, and reading it back failed: .*connection refused.*; check Halo before sending it again\.$/,
      );
    });
  });

  it("waits and resends on 429, counting the waits in progress events", async () => {
    const { clock, port } = setup();
    port.faults.push("rateLimited", "rateLimited");
    const events: RunProgress[] = [];
    const report = await runToEnd(updatePlan(renames(5)), port, clock, { onProgress: (e) => events.push(e) });
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(report.rateLimitWaits).toBe(2);
    expect(events.filter((e) => e.waitingMs === 2000)).toHaveLength(2);
    expect(port.applied).toEqual([1, 2, 3, 4, 5]);
  });

  it("surfaces the shared rate limiter's waits as progress", async () => {
    const { clock, port } = setup();
    const { limited, listeners } = withRateLimiter(port);
    port.onPost = () => listeners.forEach((l) => l(1500));
    const events: RunProgress[] = [];
    const report = await runToEnd(updatePlan(renames(3)), limited, clock, {
      onProgress: (e) => events.push(e),
    });
    expect(report.rateLimitWaits).toBe(1);
    expect(events.some((e) => e.waitingMs === 1500 && e.rateLimitWaitMs === 1500)).toBe(true);
    expect(listeners).toHaveLength(0);
  });

  it("stops on a sign-in failure: the batch and the rest are NotSent, with the reason", async () => {
    const { clock, port } = setup();
    port.faults.push("ok", "auth");
    const plan = updatePlan(renames(30), 10);
    const report = await runToEnd(plan, port, clock);
    expect(statuses(report).slice(0, 10)).toEqual(Array(10).fill("Updated"));
    expect(statuses(report).slice(10)).toEqual(Array(20).fill("NotSent"));
    expect(report.fatal).toEqual({ kind: "Auth", message: "The client secret was refused." });
    expect(report.results[29].message).toContain("The client secret was refused.");
  });

  it("gives up on a refused connection after the retries and reports it", async () => {
    const { clock, port } = setup();
    port.faults.push("refused", "refused", "refused");
    const report = await runToEnd(updatePlan(renames(4)), port, clock, { retry: { maxAttempts: 3 } });
    expect(port.posts).toHaveLength(3);
    expect(report.requests).toBe(3);
    expect(report.fatal?.kind).toBe("Network");
    expect(new Set(statuses(report))).toEqual(new Set(["NotSent"]));
  });

  it("cancel finishes the batch in flight and marks the rest NotSent", async () => {
    const { clock, port } = setup();
    const plan = updatePlan(renames(50), 10);
    const handle = startRun(plan, port, { clock, readBeforeImages: false });
    port.onPost = (n) => {
      if (n === 2) handle.cancel();
    };
    const report = await clock.runUntil(handle.done);
    expect(port.posts).toHaveLength(2);
    expect(statuses(report)).toEqual([...Array(20).fill("Updated"), ...Array(30).fill("NotSent")]);
    expect(report.cancelled).toBe(true);
    expectEachRowOnce(report, plan, port);
  });

  it("pause holds the next batch until resume", async () => {
    const { clock, port } = setup();
    const { handle, events } = startRecorded(30, port, clock);
    port.onPost = (n) => {
      if (n === 1) handle.pause();
    };
    await clock.advance(1000);
    expect(port.posts).toHaveLength(1);
    // Pausing while the batch in flight finishes, paused once it has: nothing is sent from then on.
    const states = events.map((e) => e.state);
    expect(states.indexOf("pausing")).toBeGreaterThan(-1);
    expect(states.indexOf("paused")).toBeGreaterThan(states.indexOf("pausing"));
    expect(events.at(-1)?.state).toBe("paused");
    handle.resume();
    const report = await clock.runUntil(handle.done);
    expect(port.posts).toHaveLength(3);
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
    expect(events.at(-1)?.state).toBe("done");
  });

  it("cancel while paused ends the run at once: nothing more is sent", async () => {
    const { clock, port } = setup();
    const { handle, events } = startRecorded(30, port, clock);
    port.onPost = (n) => {
      if (n === 1) handle.pause();
    };
    await clock.advance(1000);
    handle.cancel();
    const report = await clock.runUntil(handle.done);
    expect(port.posts).toHaveLength(1);
    expect(statuses(report)).toEqual([...Array(10).fill("Updated"), ...Array(20).fill("NotSent")]);
    expect(report.cancelled).toBe(true);
    expect(events.map((e) => e.state)).toContain("cancelling");
    expect(events.at(-1)?.state).toBe("done");
  });

  it("grows the batch while batches come back fast and shrinks it on a time-out", async () => {
    const { clock, port } = setup(2000);
    port.latencyMs = 100;
    port.faults.push("ok", "ok", "timeoutAfterApply");
    const plan = updatePlan(renames(1000), 100);
    const report = await runToEnd(plan, port, clock, { maxBatchRows: 400, fastMs: 1000 });
    // The batch whose answer was lost goes again as it was; the next ones start from half its size.
    expect(port.posts.map((p) => p.length)).toEqual([100, 150, 225, 225, 112, 168, 245]);
    expectEachRowOnce(
      report,
      plan,
      port,
      port.posts[2].map((o) => o.id),
    );
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
  });

  it("shrinks the batch on a gateway time-out (504) too, and resends that batch once", async () => {
    const { clock, port } = setup();
    port.faults.push("ok", "gatewayTimeoutAfterApply");
    const plan = updatePlan(renames(40), 10);
    const report = await runToEnd(plan, port, clock);
    expect(port.posts.map((p) => p.length)).toEqual([10, 10, 10, 5, 8, 7]);
    expect(new Set(statuses(report))).toEqual(new Set(["Updated"]));
    expectEachRowOnce(
      report,
      plan,
      port,
      port.posts[1].map((o) => o.id),
    );
  });

  it("reports ETA and counts from the injected clock", async () => {
    const { clock, port } = setup();
    port.latencyMs = 1000;
    const events: RunProgress[] = [];
    await runToEnd(updatePlan(renames(40), 10), port, clock, { onProgress: (e) => events.push(e) });
    const afterFirst = events.find((e) => e.requests === 1 && e.rowsDone === 10);
    expect(afterFirst).toMatchObject({ rowsTotal: 40, etaMs: 3000, elapsedMs: 1000 });
    expect(events.at(-1)).toMatchObject({ rowsDone: 40, requests: 4, state: "done" });
  });

  it("leaves time paused out of the ETA", async () => {
    const { clock, port } = setup();
    port.latencyMs = 1000;
    const { handle, events } = startRecorded(40, port, clock);
    port.onPost = (n) => {
      if (n === 2) handle.pause();
    };
    await clock.advance(10 * 60_000);
    expect(events.at(-1)?.state).toBe("paused");
    handle.resume();
    await clock.runUntil(handle.done);
    const afterThird = events.find((e) => e.requests === 3 && e.rowsDone === 30);
    // Ten minutes paused, yet the pace is still one second per batch of ten.
    expect(afterThird).toMatchObject({ etaMs: 1000 });
    expect(afterThird?.elapsedMs).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it("counts a rate-limit wait that is starting into the ETA", async () => {
    const { clock, port } = setup();
    port.latencyMs = 1000;
    const { limited, listeners } = withRateLimiter(port);
    port.onPost = (n) => {
      if (n === 2) listeners.forEach((l) => l(60_000));
    };
    const events: RunProgress[] = [];
    await runToEnd(updatePlan(renames(40), 10), limited, clock, { onProgress: (e) => events.push(e) });
    // Pace so far: 1 s per 10 rows, 30 rows to go, plus the minute about to be waited.
    expect(events.find((e) => e.waitingMs === 60_000)).toMatchObject({ etaMs: 63_000 });
  });

  it("counts the rate-limit waits still to come into the ETA, from the limiter's forecast", async () => {
    const { clock, port } = setup();
    port.latencyMs = 1000;
    const asked: [number, number][] = [];
    const forecasting = Object.assign(port, {
      rateLimitForecast: (requests: number, spacingMs: number) => {
        asked.push([requests, spacingMs]);
        return { waits: 1, waitMs: 60_000, lastAdmittedAt: clock.now() + 60_000 };
      },
    });
    const events: RunProgress[] = [];
    await runToEnd(updatePlan(renames(40), 10), forecasting, clock, { onProgress: (e) => events.push(e) });
    // After the first batch: 3 requests ahead at 1 s each, and a minute of waiting forecast.
    expect(events.find((e) => e.rowsDone === 10)).toMatchObject({
      requestsAhead: 3,
      waitAheadMs: 60_000,
      etaMs: 63_000,
    });
    expect(asked).toContainEqual([3, 1000]);
  });

  it("verify-after-write reports fields Halo did not take", async () => {
    const { clock, port } = setup();
    port.ignoredFields.add("phonenumber");
    const plan = updatePlan([{ id: 1, name: "A", phonenumber: "555" }]);
    const report = await runToEnd(plan, port, clock, { verifyAfterWrite: true });
    expect(report.results[0]).toMatchObject({
      status: "Updated",
      notTaken: [{ field: "phonenumber", sent: "555", found: null }],
    });
    expect(report.results[0].message).toContain("Halo did not take: phonenumber");
  });

  it("keeps one batch in flight per instance when two runs share it", async () => {
    const { clock, port } = setup();
    port.latencyMs = 500;
    let inFlight = 0;
    let most = 0;
    const post = port.post.bind(port);
    port.post = async (entity, objects) => {
      most = Math.max(most, ++inFlight);
      try {
        return await post(entity, objects);
      } finally {
        inFlight--;
      }
    };
    const a = startRun(updatePlan(renames(30, 1), 10), port, { clock, readBeforeImages: false });
    const b = startRun(updatePlan(renames(30, 101), 10), port, { clock, readBeforeImages: false });
    const [ra, rb] = await clock.runUntil(Promise.all([a.done, b.done]));
    expect(most).toBe(1);
    expect(port.posts).toHaveLength(6);
    // They take turns per batch rather than one run waiting for the other to finish.
    expect(port.posts.map((p) => (Number(p[0].id) > 100 ? "b" : "a"))).toEqual([
      "a",
      "b",
      "a",
      "b",
      "a",
      "b",
    ]);
    expect([...statuses(ra), ...statuses(rb)].every((s) => s === "Updated")).toBe(true);
  });

  it("stops sending when Halo rejects every row of a batch: the rest would fail alike", async () => {
    const { clock, port } = setup();
    for (let id = 1; id <= 10; id++) port.poison.add(id);
    const plan = updatePlan(renames(50), 10);
    const report = await runToEnd(plan, port, clock);
    expect(statuses(report)).toEqual([...Array(10).fill("Failed"), ...Array(40).fill("NotSent")]);
    expect(report.requests).toBe(19);
    expect(report.halted).toMatch(
      /^Halo rejected every row of a batch of 10 \(first: Record 1: name is not valid\)/,
    );
    expect(report.results[10].message).toContain("fix the rows and push again");
    expect(report.fatal).toBeUndefined();
  });
});
