/**
 * Cutting rows into request bodies by row count and by bytes. Bytes are those of the JSON array
 * Halo receives (UTF-8), so a batch never exceeds the configured body size.
 */
import type { HaloObject } from "./payload";

export const DEFAULT_BATCH_ROWS = 100;
export const DEFAULT_BATCH_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

/** UTF-8 bytes of one object's JSON. */
export function jsonBytes(value: HaloObject): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export interface Sized {
  bytes: number;
}

/**
 * How many items of `queue`, from `start`, fit in one batch of at most `maxRows` rows and
 * `maxBytes` bytes. Always at least one (an item over the byte limit travels alone; the plan skips
 * rows larger than a batch before they get here).
 */
export function batchLength(queue: readonly Sized[], maxRows: number, maxBytes: number, start = 0): number {
  let bytes = 2;
  let count = 0;
  while (start + count < queue.length && count < Math.max(1, maxRows)) {
    const next = bytes + queue[start + count].bytes + (count > 0 ? 1 : 0);
    if (count > 0 && next > maxBytes) break;
    bytes = next;
    count++;
  }
  return count;
}

/** All batches for a list, front to back: what a run with a fixed size would send. */
export function splitIntoBatches<T extends Sized>(
  items: readonly T[],
  maxRows: number,
  maxBytes: number,
): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length;) {
    const length = batchLength(items, maxRows, maxBytes, start);
    batches.push(items.slice(start, start + length));
    start += length;
  }
  return batches;
}
