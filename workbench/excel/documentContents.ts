/* Everything a workbook holds that an add-in could have written, read straight from the model, for tests
   that must search all of it (the secret search of issue 11): the Excel API cannot list everything
   (document settings have no "list all", and reading a very large sheet through it takes many syncs).
   Read-only: it changes nothing, records no sync and fires no event. Names (Workbook.names) and custom
   XML parts are not listed because the workbench does not model them: an add-in calling them here fails. */
import { cellName } from "../model/address";
import type { ApiValue, SheetVisibility } from "../model/types";
import type { Workbook } from "../model/workbook";
import { savedSettings, settingsFor } from "./settings";

export interface CellContents {
  /** A1 address on its sheet. */
  address: string;
  /** The value as Range.values reports it. */
  value: ApiValue;
  /** The formula text, for a formula cell. */
  formula?: string;
  /** The number format, when it is not General. */
  numberFormat?: string;
}

export interface SheetContents {
  name: string;
  visibility: SheetVisibility;
  /** Every cell with a value, a formula or a number format of its own, row by row. */
  cells: CellContents[];
}

export interface DocumentContents {
  /** Every sheet, hidden and very hidden ones included, in tab order. */
  sheets: SheetContents[];
  tables: { name: string; sheet: string; address: string }[];
  /** Office.context.document.settings: as saved in the document, and the in-memory copy (unsaved changes). */
  settings: { saved: Record<string, string>; current: Record<string, string> };
}

function sheetCells(workbook: Workbook, sheetId: string): CellContents[] {
  const used = workbook.usedRange(sheetId);
  if (used === null) return [];
  const values = workbook.getApiValues(sheetId, used);
  const formulas = workbook.getApiFormulas(sheetId, used);
  const formats = workbook.getNumberFormats(sheetId, used);
  const cells: CellContents[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulas[r]![c]!;
      const numberFormat = formats[r]![c]!;
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      const hasFormat = numberFormat !== "General";
      if (value === "" && !isFormula && !hasFormat) return;
      cells.push({
        address: cellName(used.row + r, used.col + c),
        value,
        ...(isFormula ? { formula } : {}),
        ...(hasFormat ? { numberFormat } : {}),
      });
    }),
  );
  return cells;
}

export function documentContents(workbook: Workbook): DocumentContents {
  const sheets = workbook.listSheets();
  const nameOf = new Map(sheets.map((s) => [s.id, s.name]));
  return {
    sheets: sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: sheetCells(workbook, sheet.id),
    })),
    tables: workbook.tables.list().map((table) => ({
      name: table.name,
      sheet: nameOf.get(table.sheetId) ?? table.sheetId,
      address: `${cellName(table.rect.row, table.rect.col)}:${cellName(
        table.rect.row + table.rect.rowCount - 1,
        table.rect.col + table.rect.colCount - 1,
      )}`,
    })),
    settings: { saved: savedSettings(workbook), current: settingsFor(workbook).entries() },
  };
}
