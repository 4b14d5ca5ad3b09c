/*
 * Which formulas read which cells. Each rectangle a formula reads is filed under every
 * (column, 128-row block) bucket it covers, so "who reads this cell" looks at one bucket instead of
 * every formula; rectangles covering many buckets (whole columns, big tables) go in a short list
 * checked for every lookup.
 */
import { intersectRects } from "../model/address";
import type { Rect } from "../model/types";
import type { FormulaCell } from "./formulaCell";

const BLOCK_SHIFT = 7;
const MAX_BUCKETS_PER_RECT = 64;
/** Above this many buckets a changed rectangle is matched against every entry instead. */
const MAX_BUCKETS_PER_LOOKUP = 4096;

interface Entry {
  cell: FormulaCell;
  sheetId: string;
  rect: Rect;
}

interface SheetIndex {
  buckets: Map<number, Set<Entry>>;
  large: Set<Entry>;
  all: Set<Entry>;
}

function bucketKey(col: number, block: number): number {
  return col * 8192 + block;
}

export class DependencyIndex {
  private readonly sheets = new Map<string, SheetIndex>();
  private readonly entriesOf = new Map<FormulaCell, Entry[]>();

  private sheetIndex(sheetId: string): SheetIndex {
    let index = this.sheets.get(sheetId);
    if (!index) {
      index = { buckets: new Map(), large: new Set(), all: new Set() };
      this.sheets.set(sheetId, index);
    }
    return index;
  }

  /** Records that `cell` reads `rect` on sheet `sheetId`. */
  add(cell: FormulaCell, sheetId: string, rect: Rect): void {
    const entry: Entry = { cell, sheetId, rect };
    const list = this.entriesOf.get(cell);
    if (list) list.push(entry);
    else this.entriesOf.set(cell, [entry]);
    const index = this.sheetIndex(sheetId);
    index.all.add(entry);
    const b0 = rect.row >> BLOCK_SHIFT;
    const b1 = (rect.row + rect.rowCount - 1) >> BLOCK_SHIFT;
    if ((b1 - b0 + 1) * rect.colCount > MAX_BUCKETS_PER_RECT) {
      index.large.add(entry);
      return;
    }
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      for (let b = b0; b <= b1; b++) {
        const key = bucketKey(c, b);
        let bucket = index.buckets.get(key);
        if (!bucket) {
          bucket = new Set();
          index.buckets.set(key, bucket);
        }
        bucket.add(entry);
      }
    }
  }

  /** Forgets everything `cell` reads. */
  remove(cell: FormulaCell): void {
    const entries = this.entriesOf.get(cell);
    if (!entries) return;
    this.entriesOf.delete(cell);
    for (const entry of entries) {
      const index = this.sheets.get(entry.sheetId);
      if (!index) continue;
      index.all.delete(entry);
      if (index.large.delete(entry)) continue;
      const { rect } = entry;
      const b0 = rect.row >> BLOCK_SHIFT;
      const b1 = (rect.row + rect.rowCount - 1) >> BLOCK_SHIFT;
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        for (let b = b0; b <= b1; b++) index.buckets.get(bucketKey(c, b))?.delete(entry);
      }
    }
  }

  /** Calls visit for each formula reading any cell of `rect` on sheet `sheetId` (possibly twice). */
  forEachReader(sheetId: string, rect: Rect, visit: (cell: FormulaCell) => void): void {
    const index = this.sheets.get(sheetId);
    if (!index) return;
    const consider = (entry: Entry) => {
      if (intersectRects(entry.rect, rect)) visit(entry.cell);
    };
    const b0 = rect.row >> BLOCK_SHIFT;
    const b1 = (rect.row + rect.rowCount - 1) >> BLOCK_SHIFT;
    if ((b1 - b0 + 1) * rect.colCount > MAX_BUCKETS_PER_LOOKUP) {
      index.all.forEach(consider);
      return;
    }
    index.large.forEach(consider);
    for (let c = rect.col; c < rect.col + rect.colCount; c++) {
      for (let b = b0; b <= b1; b++) index.buckets.get(bucketKey(c, b))?.forEach(consider);
    }
  }

  /** Drops a deleted sheet's entries (the formulas reading it stay registered elsewhere). */
  dropSheet(sheetId: string): void {
    const index = this.sheets.get(sheetId);
    if (!index) return;
    for (const entry of index.all) {
      const list = this.entriesOf.get(entry.cell);
      if (list)
        this.entriesOf.set(
          entry.cell,
          list.filter((e) => e !== entry),
        );
    }
    this.sheets.delete(sheetId);
  }
}
