/**
 * A simulated clock for benchmarks against a real (in-process) sandbox: time moves only when nothing
 * is on the wire, jumping to the next sleep that is due. Requests really run (the sandbox parses,
 * validates and saves), but a 5-minute rate-limit wait or 100 ms of latency costs no real time, so a
 * run that would take hours at Halo's limit finishes in seconds with the hours counted.
 *
 * It is the tests' FakeClock (same timers, same order) driving itself: where a test advances time by
 * hand, this clock advances whenever the program has gone idle. A fetch in flight (see `track`) holds
 * time still: a request's time-out cannot fire while the sandbox is still answering it, just as a
 * real 100 ms answer never meets a 60 s time-out.
 */
import { FakeClock } from "../../test/fakes/fakeClock";

export class SimClock extends FakeClock {
  private readonly start: number;
  private inFlight = 0;
  private pumping = false;
  /** Idle checks in a row with nothing on the wire; time moves only after two (promise chains settle). */
  private idleChecks = 0;

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    super(startMs);
    this.start = startMs;
  }

  /** Simulated milliseconds since the clock was made. */
  get elapsedMs(): number {
    return this.now() - this.start;
  }

  override sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const slept = super.sleep(ms, signal);
    this.schedule();
    return slept;
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
    if (this.inFlight > 0 || this.pending === 0) return;
    if (++this.idleChecks < 2) {
      this.schedule();
      return;
    }
    this.idleChecks = 0;
    const next = this.nextTimer();
    if (next) this.fire(next);
    this.schedule();
  }
}
