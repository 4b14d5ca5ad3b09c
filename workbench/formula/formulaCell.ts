/* A formula installed in a cell: its text, parsed tree, the ranges it reads, and its calc state. */
import type { Sheet } from "../model/sheet";
import type { Rect } from "../model/types";
import type { FormulaNode } from "./ast";

/** A rectangle the formula reads, on a sheet named in the formula (resolved at calc time). */
export interface Precedent {
  /** Lower-cased sheet name when the reference names a sheet, else undefined (the formula's own sheet). */
  sheetKey?: string;
  rect: Rect;
}

export class FormulaCell {
  /** Needs calculating. */
  dirty = true;
  /** Being calculated (cycle detection). */
  computing = false;
  /** The rectangle its array result covers, anchor included, while it spills. */
  spill: Rect | undefined;
  /** Bumped on every recalculation so a late async result for an older call is ignored. */
  generation = 0;

  constructor(
    readonly sheet: Sheet,
    public row: number,
    public col: number,
    public text: string,
    public ast: FormulaNode,
    public precedents: Precedent[],
  ) {}
}
