/*
 * Merged cells: rectangles per sheet. Excel keeps a merged area's value in its top-left cell only;
 * merging clears the others (the workbook does that, this store only remembers the areas).
 */
import { intersectRects } from "./address";
import { WorkbookError } from "./errors";
import type { Rect } from "./types";

export class MergedAreas {
  private readonly bySheet = new Map<string, Rect[]>();

  /** The merged areas that meet rect (each whole), in the order they were merged. */
  within(sheetId: string, rect: Rect): Rect[] {
    return (this.bySheet.get(sheetId) ?? [])
      .filter((area) => intersectRects(area, rect))
      .map((a) => ({ ...a }));
  }

  /** Merges rect (or each of its rows with across); an area overlapping another is refused, as Excel does. */
  merge(sheetId: string, rect: Rect, across: boolean): Rect[] {
    const areas = across
      ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 }))
      : [{ ...rect }];
    const added = areas.filter((area) => area.rowCount * area.colCount > 1);
    if (added.some((area) => this.within(sheetId, area).length > 0))
      throw new WorkbookError("InvalidOperation", "Cannot merge cells that overlap a merged area.");
    this.bySheet.set(sheetId, [...(this.bySheet.get(sheetId) ?? []), ...added]);
    return added;
  }

  /** Unmerges every area that meets rect. */
  unmerge(sheetId: string, rect: Rect): void {
    const areas = this.bySheet.get(sheetId);
    if (areas)
      this.bySheet.set(
        sheetId,
        areas.filter((area) => !intersectRects(area, rect)),
      );
  }

  sheetDeleted(sheetId: string): void {
    this.bySheet.delete(sheetId);
  }
}
