/**
 * What a plan will cost in requests before it runs: its write batches, and the reads of the current
 * records that Undo's before-images and the conflict check need (one GET per row, or one list
 * request per batch where Halo lists records by id), so a person sees the price of those reads, and
 * can leave them out, before sending. The run reads the same rows (prepareRow's readsOf).
 */
import { hasIdListFilter } from "../halo";
import type { Plan } from "./planTypes";
import { readsOf } from "./prepareRow";
import { settleWithoutSending } from "./settleWithoutSending";

export interface RequestCost {
  writes: number;
  reads: number;
}

export interface CostOptions {
  /** Read each updated record first for Undo's before-image (the run's readBeforeImages, default true). */
  readBeforeImages: boolean;
  conflicts?: "skip" | "overwrite";
}

export function requestCost(plan: Plan, options: CostOptions): RequestCost {
  const context = {
    entity: plan.entity,
    flags: plan.flags,
    readBeforeImages: options.readBeforeImages,
    replacesCustomFieldList: () => true,
    ...(options.conflicts ? { conflicts: options.conflicts } : {}),
  };
  const sent = plan.rows.filter((row) => row.object && !settleWithoutSending(row, plan.flags));
  const reading = sent.filter((row) => row.object && readsOf(row, row.object, context));
  const listed = hasIdListFilter(plan.entity)
    ? reading.filter((row) => !(row.object && "customfields" in row.object)).length
    : 0;
  const batches = (rows: number) => Math.ceil(rows / Math.max(1, plan.batchRows));
  return { writes: batches(sent.length), reads: batches(listed) + reading.length - listed };
}
