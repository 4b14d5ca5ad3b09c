/**
 * Whether a push reads each record before writing it, as the options say: for Undo's before-image
 * (when the pull snapshot does not give one) and the conflict check (when it does). Reading costs a
 * request per record where Halo cannot list records by id, so the user can leave it out.
 */
import type { CostOptions } from "../../bulk";
import type { PushOptions } from "./pushPlan";

export function recordReads(options: PushOptions, hasSnapshot: boolean): CostOptions {
  if (!options.readRecords) return { readBeforeImages: false };
  const checked = hasSnapshot && options.changedOnly;
  return {
    readBeforeImages: true,
    ...(checked
      ? { conflicts: options.overwriteConflicts ? ("overwrite" as const) : ("skip" as const) }
      : {}),
  };
}
