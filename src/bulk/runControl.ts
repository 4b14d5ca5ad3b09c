/**
 * Pause, resume and cancel for a run. The run asks `checkpoint()` between batches: it waits while
 * paused and answers false once cancelled, so the batch in flight always finishes. Until it has, the
 * run is "pausing" (still sending); "paused" means nothing is being sent.
 */
export type RunState = "running" | "pausing" | "paused" | "cancelling" | "done";

export class RunControl {
  private paused = false;
  private cancelled = false;
  private wake: (() => void) | undefined;
  /** Waiting at a checkpoint: the batch in flight has finished. */
  private parked = false;

  constructor(private readonly onChange: () => void = () => {}) {}

  get state(): RunState {
    if (this.cancelled) return "cancelling";
    if (this.paused) return this.parked ? "paused" : "pausing";
    return "running";
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  pause(): void {
    if (this.cancelled || this.paused) return;
    this.paused = true;
    this.onChange();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.release();
    this.onChange();
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.paused = false;
    this.release();
    this.onChange();
  }

  /** Resolves true to go on, false when cancelled; waits while paused. */
  async checkpoint(): Promise<boolean> {
    while (this.paused && !this.cancelled) {
      if (!this.parked) {
        this.parked = true;
        this.onChange();
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    this.parked = false;
    return !this.cancelled;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
