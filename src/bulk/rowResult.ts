/**
 * The one result every planned row ends with. A run never leaves a row without a result and never
 * gives a row two: callers (the sheet's Status column, the CLI's results.csv) rely on that.
 */
export type RowStatus =
  | "Updated"
  | "Created"
  | "Unchanged"
  | "Skipped"
  | "Failed"
  | "Unknown"
  | "NotSent"
  // A field this push would overwrite was changed in Halo since the pull; not sent.
  | "Conflict"
  // Dry runs only: the row is valid (and, where Halo can validate, Halo accepted it) but nothing was saved.
  | "WouldUpdate"
  | "WouldCreate";

/** A field Halo did not take: what we sent and what reading the record back shows. */
export interface FieldMismatch {
  field: string;
  sent: unknown;
  found: unknown;
}

export interface RowResult {
  /** Index of the planned row (Plan.rows[key]); a JSON cell holding an array yields several keys per sheet row. */
  key: number;
  rowNumber: number;
  status: RowStatus;
  /** Why, for people: Halo's message, the validation problem, or how an outcome was established. */
  message: string;
  /** The record's id: the one updated, or the new one for Created. */
  id?: number;
  /** Verify-after-write: fields whose read-back value differs from what was sent. */
  notTaken?: FieldMismatch[];
}

/** Statuses that mean the row reached the state the user asked for (exit code 0 for the CLI). */
export const SUCCESS_STATUSES: ReadonlySet<RowStatus> = new Set([
  "Updated",
  "Created",
  "Unchanged",
  "WouldUpdate",
  "WouldCreate",
]);
