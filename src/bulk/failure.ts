/**
 * Reading a failed request for the run. What a failure means (retry, lost, rejected, fatal) is the
 * Halo client's one classifier (classifyFailure in src/halo/retry.ts); here: the message for a row,
 * whether it was a time-out, and which object of a batch Halo's 400 names.
 */
import { isHaloError } from "../halo";

export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Time-outs mean the batch was too big for Halo to answer in time: the run shrinks the batch size.
 * A 504 is the same time-out, seen by a gateway in front of Halo.
 */
export function isTimeout(error: unknown): boolean {
  return isHaloError(error) && (error.kind === "Timeout" || error.status === 504);
}

/**
 * The position, in the array sent, of the object Halo's 400 names: its JSON converter says
 * `Path '[3].item_tax_code'` (or `Path '[3]'`). Undefined when the message names no object.
 */
export function rejectedIndex(error: unknown, batchLength: number): number | undefined {
  const match = /\bPath '\[(\d+)\]/.exec(failureMessage(error));
  if (!match) return undefined;
  const index = Number(match[1]);
  return index < batchLength ? index : undefined;
}
