/*
 * Hidden rows: hidden by hand (Range.rowHidden = true) or by a table's filter. Excel keeps one flag
 * per row for both (Range.rowHidden reads true for a filtered-out row); the reason is kept so that
 * clearing a filter shows only the rows the filter hid. Sparse: a map of the hidden rows per sheet.
 */
export type RowHiding = "hidden" | "filtered";

export class RowVisibility {
  private readonly bySheet = new Map<string, Map<number, RowHiding>>();

  /** `changed` is told which sheet's rows were hidden or shown (the grid redraws). */
  constructor(private readonly changed: (sheetId: string) => void) {}

  isHidden(sheetId: string, row: number): boolean {
    return this.bySheet.get(sheetId)?.has(row) ?? false;
  }

  /** The hidden rows of a sheet, ascending. */
  hiddenRows(sheetId: string): number[] {
    return [...(this.bySheet.get(sheetId)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** Range.rowHidden: true when every row of the span is hidden, false when none, null when some. */
  spanHidden(sheetId: string, row: number, count: number): boolean | null {
    const rows = this.bySheet.get(sheetId);
    if (!rows) return false;
    let hidden = 0;
    if (rows.size < count) {
      for (const r of rows.keys()) if (r >= row && r < row + count) hidden++;
    } else for (let r = row; r < row + count; r++) if (rows.has(r)) hidden++;
    return hidden === 0 ? false : hidden === count ? true : null;
  }

  /** Hides (or shows) the rows of the span; a row shown by hand is shown whatever hid it. */
  setHidden(sheetId: string, row: number, count: number, hidden: boolean, why: RowHiding = "hidden"): void {
    let rows = this.bySheet.get(sheetId);
    if (!rows) {
      if (!hidden) return;
      rows = new Map();
      this.bySheet.set(sheetId, rows);
    }
    for (let r = row; r < row + count; r++) {
      if (hidden) rows.set(r, rows.get(r) === "hidden" ? "hidden" : why);
      else rows.delete(r);
    }
    this.changed(sheetId);
  }

  /** Shows again the rows of the span that a filter hid (rows hidden by hand stay hidden). */
  clearFiltered(sheetId: string, row: number, count: number): void {
    const rows = this.bySheet.get(sheetId);
    if (!rows) return;
    for (const [r, why] of [...rows]) if (why === "filtered" && r >= row && r < row + count) rows.delete(r);
    this.changed(sheetId);
  }

  sheetDeleted(sheetId: string): void {
    this.bySheet.delete(sheetId);
  }
}
