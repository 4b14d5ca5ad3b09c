/**
 * A clock for tests: time moves only when the test advances it, and sleep() resolves when time
 * passes its due point. `runUntil(promise)` advances timer by timer until the promise settles, so a
 * test of back-off or token expiry runs instantly and deterministically.
 */
import type { Clock } from "../../src/halo/clock";

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

/** Lets pending promise chains (including ones that cross a real macrotask) run to their next wait. */
export function flushAsync(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private seq = 0;
  /** Every sleep requested, in ms, in order (for asserting back-off and waits). */
  readonly sleeps: number[] = [];

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.time = startMs;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise<void>((resolve, reject) => {
      const abortError = (): unknown =>
        signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const timer: Timer = {
        due: this.time + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Number of sleeps waiting for time to pass. */
  get pending(): number {
    return this.timers.length;
  }

  /** The sleep due first (ties in the order they were asked for). */
  protected nextTimer(): Timer | undefined {
    return [...this.timers].sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
  }

  /** Moves time to the timer's due point (never back) and wakes its sleeper. */
  protected fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.time = Math.max(this.time, timer.due);
    timer.resolve();
  }

  /** Moves time forward by `ms`, firing due sleeps in order and letting their continuations run. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    await flushAsync();
    for (let next = this.nextTimer(); next !== undefined && next.due <= target; next = this.nextTimer()) {
      this.fire(next);
      await flushAsync();
    }
    this.time = target;
    await flushAsync();
  }

  /**
   * Advances time from one sleep to the next until `promise` settles, then returns its result.
   * Fails if the promise is still pending with no sleep left to fire (a hang), or after maxSteps.
   */
  async runUntil<T>(promise: Promise<T>, maxSteps = 10_000): Promise<T> {
    let settled = false;
    const watched = promise.then(
      (value) => {
        settled = true;
        return value;
      },
      (error: unknown) => {
        settled = true;
        throw error;
      },
    );
    watched.catch(() => undefined);
    for (let step = 0; step < maxSteps; step++) {
      await flushAsync();
      if (settled) return watched;
      const next = this.nextTimer();
      if (next === undefined) throw new Error("FakeClock.runUntil: promise pending and no sleep to fire");
      this.fire(next);
    }
    throw new Error(`FakeClock.runUntil: not settled after ${maxSteps} steps`);
  }
}
