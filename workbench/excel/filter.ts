/* Excel.Filter of a table column (ExcelApi 1.2): applyValuesFilter hides the data rows whose shown
   text is not among the values; clear shows them again. Like Excel, a filter is applied once: later
   edits do not re-filter until it is applied again. */
import { ClientObject, type RequestContext } from "./clientObject";
import { invalidArgument } from "./errors";
import type { Rect } from "../model/types";

export interface FilteredColumn {
  sheetId: string;
  /** The column's data body. */
  body(): Rect;
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
        const { sheetId, body } = this.column();
        const rect = body();
        const keep = new Set(values as string[]);
        const model = this.context.model;
        for (let row = rect.row; row < rect.row + rect.rowCount; row++)
          if (!keep.has(model.getCell(sheetId, row, rect.col).text))
            model.rowVisibility.setHidden(sheetId, row, 1, true, "filtered");
      },
      0,
      "Filter.applyValuesFilter",
    );
  }

  /** Shows again the rows the table's filters hid (rows hidden by hand stay hidden). */
  clear(): void {
    this.context._queue(
      () => {
        const { sheetId, body } = this.column();
        const rect = body();
        this.context.model.rowVisibility.clearFiltered(sheetId, rect.row, rect.rowCount);
      },
      0,
      "Filter.clear",
    );
  }
}
