import { systemClock } from "../../../src/halo/clock";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeFetch, hangUntilAborted, jsonResponse } from "../../fakes/fakeFetch";

describe("systemClock", () => {
  afterEach(() => jest.useRealTimers());

  it("sleeps on the platform's timers and reads the wall clock", async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    expect(systemClock.now()).toBe(1_000_000);
    let woke = false;
    const sleeping = systemClock.sleep(5_000).then(() => {
      woke = true;
    });
    await jest.advanceTimersByTimeAsync(4_999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
    expect(systemClock.now()).toBe(1_005_000);
  });

  it("rejects a sleep when its signal aborts", async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });
});

describe("FakeClock", () => {
  it("resolves sleeps only when time is advanced past them, in order", async () => {
    const clock = new FakeClock(1000);
    const woke: string[] = [];
    void clock.sleep(200).then(() => woke.push("b"));
    void clock.sleep(100).then(() => woke.push("a"));
    await clock.advance(99);
    expect(woke).toEqual([]);
    await clock.advance(101);
    expect(woke).toEqual(["a", "b"]);
    expect(clock.now()).toBe(1200);
    expect(clock.sleeps).toEqual([200, 100]);
  });

  it("runUntil fires chained sleeps until the promise settles", async () => {
    const clock = new FakeClock(0);
    const chain = async (): Promise<number> => {
      for (let i = 0; i < 5; i++) await clock.sleep(1000);
      return clock.now();
    };
    await expect(clock.runUntil(chain())).resolves.toBe(5000);
  });

  it("runUntil reports a hang instead of waiting forever", async () => {
    const clock = new FakeClock(0);
    await expect(clock.runUntil(new Promise<void>(() => undefined))).rejects.toThrow(/no sleep to fire/);
  });
});

describe("FakeFetch", () => {
  it("records requests and answers once-routes before persistent ones", async () => {
    const fake = new FakeFetch()
      .on("GET", "/api/Client", () => jsonResponse(200, { n: "always" }))
      .once("GET", "/api/Client", () => jsonResponse(500, { n: "first" }));
    const first = await fake.fetch("https://x.test/api/Client?page_no=1", { headers: { "X-A": "1" } });
    const second = await fake.fetch("https://x.test/api/Client");
    expect(first.status).toBe(500);
    expect(await second.json()).toEqual({ n: "always" });
    expect(fake.requests[0].headers["x-a"]).toBe("1");
    expect(fake.requests[0].query("page_no")).toBe("1");
    expect(fake.calls("GET", "/api/Client")).toHaveLength(2);
  });

  it("answers unknown routes with 599 and lists them", async () => {
    const fake = new FakeFetch();
    expect((await fake.fetch("https://x.test/nope")).status).toBe(599);
    expect(fake.unmatched).toHaveLength(1);
  });

  it("hangs until the request is aborted", async () => {
    const fake = new FakeFetch().on("GET", "/slow", hangUntilAborted);
    const controller = new AbortController();
    const pending = fake.fetch("https://x.test/slow", { signal: controller.signal });
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
  });
});
