/* Cell changes collected while a batch runs and announced together at its end: one cellsChanged
   event per sheet and source, with single cells merged into column runs. */
import type { ChangeSource, Rect, WorkbookEvent } from "./types";

export class ChangeLog {
  private pending = new Map<string, { sheetId: string; source: ChangeSource; rects: Rect[] }>();

  record(sheetId: string, rects: Rect[], source: ChangeSource): void {
    if (!rects.length) return;
    const key = `${sheetId}|${source}`;
    const entry = this.pending.get(key) ?? { sheetId, source, rects: [] };
    for (const rect of rects) entry.rects.push(rect);
    this.pending.set(key, entry);
  }

  /** Announces what was recorded, and forgets it. */
  flush(emit: (event: WorkbookEvent) => void): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { sheetId, source, rects } of pending) {
      emit({ type: "cellsChanged", sheetId, rects: coalesceRects(rects), source });
    }
  }
}

/** Merges single cells into column runs so 10,000 recalculated cells make a handful of rects. */
export function coalesceRects(rects: Rect[]): Rect[] {
  if (rects.length < 8) return rects;
  const singles = rects.filter((r) => r.rowCount === 1 && r.colCount === 1);
  const others = rects.filter((r) => r.rowCount !== 1 || r.colCount !== 1);
  singles.sort((a, b) => a.col - b.col || a.row - b.row);
  const merged: Rect[] = [];
  for (const cell of singles) {
    const last = merged[merged.length - 1];
    if (last && last.col === cell.col && last.row + last.rowCount >= cell.row) {
      last.rowCount = Math.max(last.rowCount, cell.row - last.row + 1);
    } else merged.push({ ...cell });
  }
  return [...others, ...merged];
}
