/**
 * A simulated clock for benchmarks against a real (in-process) sandbox: time moves only when nothing
 * is on the wire, jumping to the next sleep that is due. Requests really run (the sandbox parses,
 * validates and saves), but a 5-minute rate-limit wait or 100 ms of latency costs no real time, so a
 * run that would take hours at Halo's limit finishes in seconds with the hours counted.
 *
 * A fetch in flight (see `track`) holds time still: a request's time-out cannot fire while the
 * sandbox is still answering it, just as a real 100 ms answer never meets a 60 s time-out.
 */
import type { Clock } from "../../src/halo";

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

export class SimClock implements Clock {
  private time: number;
  private readonly start: number;
  private timers: Timer[] = [];
  private seq = 0;
  private inFlight = 0;
  private pumping = false;
  /** Idle checks in a row with nothing on the wire; time moves only after two (promise chains settle). */
  private idleChecks = 0;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.time = startMs;
    this.start = startMs;
  }

  now(): number {
    return this.time;
  }

  /** Simulated milliseconds since the clock was made. */
  get elapsedMs(): number {
    return this.time - this.start;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const reason = (): unknown =>
        signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
      if (signal?.aborted) {
        reject(reason());
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
        reject(reason());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  /** Runs real work (a fetch, reading its body) with simulated time held still. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight++;
    this.idleChecks = 0;
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.idleChecks = 0;
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.pumping = false;
    if (this.inFlight > 0 || this.timers.length === 0) return;
    if (++this.idleChecks < 2) {
      this.schedule();
      return;
    }
    this.idleChecks = 0;
    let next = this.timers[0];
    for (const t of this.timers) if (t.due < next.due || (t.due === next.due && t.seq < next.seq)) next = t;
    this.timers = this.timers.filter((t) => t !== next);
    this.time = Math.max(this.time, next.due);
    next.resolve();
    this.schedule();
  }
}
