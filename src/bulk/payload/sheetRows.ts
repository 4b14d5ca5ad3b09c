/** Sheet rows (a header row and value rows, or a column of JSON payload cells) -> payloads and problems. */
import { cellAddress, isBlankCell, isExcelErrorValue, type CellValue, type SheetRow } from "../cells";
import { headerPlan } from "./columns";
import { fieldTable } from "./entityFields";
import { isPlainObject, parseJsonText } from "./jsonText";
import { buildRow, rowSettings } from "./rows";
import type {
  CellProblem,
  HaloObject,
  PayloadOptions,
  PayloadResult,
  ProblemKind,
  RowPayload,
} from "./types";
import { validateObject } from "./validate";

function problem(
  rowNumber: number,
  columnIndex0: number,
  column: string,
  kind: ProblemKind,
  detail: string,
): CellProblem {
  const cell = cellAddress(columnIndex0, rowNumber);
  return { rowNumber, cell, column, kind, message: `${cell} (${column}): ${detail}` };
}

/** Cells with a value but no header above them (blank header, or past the last one). */
function valuesWithoutHeader(headers: string[], row: SheetRow, firstColumn: number): CellProblem[] {
  const found: CellProblem[] = [];
  row.values.forEach((value, i) => {
    if (isBlankCell(value) || (headers[i] ?? "").trim() !== "") return;
    const cell = cellAddress(firstColumn + i, row.rowNumber);
    const detail = `${cell} has a value but its column has no header, so it has no field: name the field in the header row or clear the cell.`;
    found.push({ rowNumber: row.rowNumber, cell, column: "", kind: "Header", message: detail });
  });
  return found;
}

/** Typed objects from a header row and value rows; a row with any problem yields no payload, and an all-blank row yields nothing. */
export function rowsToPayloads(headers: string[], rows: SheetRow[], options?: PayloadOptions): PayloadResult {
  const plan = headerPlan(headers, options?.entity);
  const settings = rowSettings(options);
  const firstColumn = options?.firstColumn ?? 0;
  const strict = options?.valuesWithoutHeader === "error";
  const payloads: RowPayload[] = [];
  const problems: CellProblem[] = [];
  for (const row of rows) {
    const built = buildRow(plan, row.values, settings);
    const stray = strict ? valuesWithoutHeader(headers, row, firstColumn) : [];
    problems.push(...stray);
    if (built.problems === undefined) {
      if (stray.length > 0) continue;
      if (!built.empty) payloads.push({ rowNumber: row.rowNumber, object: built.object });
      continue;
    }
    for (const p of built.problems) {
      const at = Math.max(p.column, 0);
      problems.push(problem(row.rowNumber, firstColumn + at, headers[at] ?? "", p.kind, p.detail));
    }
  }
  return { payloads, problems };
}

/** The objects in one JSON payload cell: an object, or an array of objects. */
export function objectsInJson(value: unknown): HaloObject[] | string {
  if (isPlainObject(value)) return [value];
  if (Array.isArray(value)) {
    const bad = value.findIndex((item) => !isPlainObject(item));
    return bad < 0 ? (value as HaloObject[]) : `item ${bad + 1} of the array is not an object`;
  }
  return "expected a JSON object {...} or an array of objects [{...}]";
}

/** What one payload cell holds: its objects, or what is wrong with it. */
export function readPayloadCell(
  value: CellValue,
): { objects: HaloObject[] } | { kind: ProblemKind; detail: string } {
  if (isExcelErrorValue(value))
    return { kind: "ExcelError", detail: `the cell holds the error ${String(value)}` };
  if (typeof value !== "string") return { kind: "Json", detail: `expected JSON text, got ${String(value)}` };
  const parsed = parseJsonText(value);
  if (!parsed.ok) return { kind: "Json", detail: parsed.message };
  const objects = objectsInJson(parsed.value);
  return typeof objects === "string" ? { kind: "Json", detail: objects } : { objects };
}

/**
 * Objects from a column of JSON payload cells (each an object or an array of objects), sent exactly
 * as written; with an entity they are checked against its schema. Blank cells are skipped.
 */
export function jsonCellsToPayloads(
  column: string,
  cells: { rowNumber: number; value: CellValue }[],
  options?: PayloadOptions,
): PayloadResult {
  const table =
    options?.entity === undefined || options.entity.trim() === "" ? undefined : fieldTable(options.entity);
  const requireId = options?.requireId ?? false;
  const columnIndex = options?.firstColumn ?? 0;
  const payloads: RowPayload[] = [];
  const problems: CellProblem[] = [];
  for (const { rowNumber, value } of cells) {
    if (isBlankCell(value)) continue;
    const read = readPayloadCell(value);
    if ("kind" in read) {
      problems.push(problem(rowNumber, columnIndex, column, read.kind, read.detail));
      continue;
    }
    const rowProblems = read.objects.flatMap((object, i) =>
      validateObject(object, table, requireId).map((p) =>
        problem(
          rowNumber,
          columnIndex,
          column,
          p.kind,
          `${read.objects.length > 1 ? `object ${i + 1}, ` : ""}${p.field}: ${p.detail}`,
        ),
      ),
    );
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else for (const object of read.objects) payloads.push({ rowNumber, object });
  }
  return { payloads, problems };
}
