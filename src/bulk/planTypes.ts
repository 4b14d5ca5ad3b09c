/**
 * What a plan is: per sheet row what will happen (update, create, unchanged, skip and why), the
 * objects to send, the before-images the snapshot gives, and the run flags the schema allows.
 * The builder is plan.ts; run.ts executes one; journal.ts builds the undo plan.
 */
import type { HaloObject } from "./payload";

export type PlanAction = "update" | "create" | "unchanged" | "skip";

/** One field that will change; `old` is undefined when there is no snapshot to compare with. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface PlannedRow {
  /** Index in Plan.rows. */
  key: number;
  rowNumber: number;
  action: PlanAction;
  id?: number;
  /** What to send: for updates the id plus the changed fields only, for creates every field given. */
  object?: HaloObject;
  /** The before-image of the fields in `object`, when the snapshot holds it (null for a blank). */
  before?: HaloObject;
  changes: FieldChange[];
  /** Why a row is skipped or unchanged, naming the row and cell. */
  reason?: string;
  /** UTF-8 bytes of `object` as sent (flags included). */
  bytes: number;
}

/** Control flags from the entity's schema, for this run. Flags the schema lacks are never sent. */
export interface RunFlags {
  /** Fields added to every object sent (e.g. `_dont_fire_automations: true`). */
  objectFields: HaloObject;
  /** Dry run: nothing is saved. */
  dryRun: boolean;
  /** The dry run is Halo's own validate-only write (the flag is in `objectFields`). */
  serverValidate: boolean;
  /** What was asked for but the entity does not support, for people. */
  notes: string[];
}

export interface Plan {
  entity: string;
  rows: PlannedRow[];
  flags: RunFlags;
  batchRows: number;
  batchBytes: number;
}
