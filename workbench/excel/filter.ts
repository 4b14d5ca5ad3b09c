/* Excel.Filter of a table column (ExcelApi 1.2): applyValuesFilter hides the data rows whose shown
   text is not among the values; clear shows them again. Like Excel, a filter is applied once: later
   edits do not re-filter until it is applied again (Table.reapplyFilters). */
import { ClientObject, type RequestContext } from "./clientObject";
import { invalidArgument } from "./errors";
import type { Rect } from "../model/types";
import type { Workbook } from "../model/workbook";

export interface FilteredColumn {
  sheetId: string;
  tableId: string;
  /** The column's index in its table. */
  index: number;
  /** The column's data body. */
  body(): Rect;
}

/** Hides the rows of the column's body whose shown text is not among the values. */
export function hideRowsNotIn(model: Workbook, sheetId: string, body: Rect, values: readonly string[]): void {
  const keep = new Set(values);
  for (let row = body.row; row < body.row + body.rowCount; row++)
    if (!keep.has(model.getCell(sheetId, row, body.col).text))
      model.rowVisibility.setHidden(sheetId, row, 1, true, "filtered");
}

export class Filter extends ClientObject {
  constructor(
    context: RequestContext,
    private readonly column: () => FilteredColumn,
  ) {
    super(context);
  }

  applyValuesFilter(values: unknown[]): void {
    this.context._queue(
      () => {
        if (!Array.isArray(values) || values.some((v) => typeof v !== "string"))
          throw invalidArgument("The values of a values filter are texts.", "Filter.applyValuesFilter");
        const { sheetId, tableId, index, body } = this.column();
        this.context.model.tables.setColumnFilter(tableId, index, values as string[]);
        hideRowsNotIn(this.context.model, sheetId, body(), values as string[]);
      },
      0,
      "Filter.applyValuesFilter",
    );
  }

  /** Shows again the rows the table's filters hid (rows hidden by hand stay hidden). */
  clear(): void {
    this.context._queue(
      () => {
        const { sheetId, tableId, index, body } = this.column();
        const rect = body();
        this.context.model.tables.setColumnFilter(tableId, index, undefined);
        this.context.model.rowVisibility.clearFiltered(sheetId, rect.row, rect.rowCount);
      },
      0,
      "Filter.clear",
    );
  }
}
