/**
 * Adaptive batch size: grow while full batches come back fast, halve on a time-out. Bisection
 * batches (after a 400) do not count: their size says nothing about Halo's speed.
 */
export interface BatchSizerOptions {
  initial: number;
  max: number;
  /** A full batch answered within this many ms counts as fast. */
  fastMs: number;
  growthFactor: number;
}

export class BatchSizer {
  private current: number;

  constructor(private readonly options: BatchSizerOptions) {
    this.current = Math.max(1, Math.min(options.initial, options.max));
  }

  get size(): number {
    return this.current;
  }

  succeeded(batchRows: number, elapsedMs: number): void {
    if (batchRows < this.current || elapsedMs > this.options.fastMs) return;
    this.current = Math.min(this.options.max, Math.ceil(this.current * this.options.growthFactor));
  }

  timedOut(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
  }
}
