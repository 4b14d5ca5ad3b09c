/**
 * One sheet row -> one Halo object, following a compiled HeaderPlan. This is the hot path of both
 * the push (100,000 rows) and =HALO.PAYLOAD (one call per row), so it allocates little and never
 * touches the schema directly.
 */
import { isBlankCell, isExcelErrorValue, type CellValue } from "../cells";
import { coerceValue, describeValue } from "./coerce";
import type { ColumnPlan, HeaderPlan } from "./columns";
import type { HaloObject, PayloadOptions, ProblemKind } from "./types";

export interface RowSettings {
  clearMarker: string;
  arrayDelimiter: string;
  requireId: boolean;
}

export function rowSettings(options: PayloadOptions | undefined): RowSettings {
  return {
    clearMarker: (options?.clearMarker ?? "#NULL").trim().toLowerCase(),
    arrayDelimiter: options?.arrayDelimiter ?? ";",
    requireId: options?.requireId ?? false,
  };
}

/** A problem in one cell of the row, before it is given an address. */
export interface RowProblem {
  /** Index into the headers/values (-1 when the row as a whole is at fault). */
  column: number;
  kind: ProblemKind;
  detail: string;
}

export interface BuiltRow {
  object: HaloObject;
  problems: RowProblem[] | undefined;
  /** Whether any cell had something to send (an all-blank row is no payload). */
  empty: boolean;
}

const CLEAR = Symbol("clear");

function setPath(object: HaloObject, path: readonly string[], value: unknown): void {
  let target = object;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = target[key] as HaloObject | undefined;
    if (next === undefined) {
      next = {};
      target[key] = next;
    }
    target = next;
  }
  target[path[path.length - 1]!] = value;
}

type CellOutcome = { ok: true; value: unknown } | { ok: false; kind: ProblemKind; detail: string };

function cellValue(column: ColumnPlan, raw: string | number | boolean, settings: RowSettings): CellOutcome {
  if (column.problem !== undefined)
    return { ok: false, kind: column.problem.kind, detail: column.problem.message };
  if (typeof raw === "string" && raw.trim().toLowerCase() === settings.clearMarker) {
    return column.nullable
      ? { ok: true, value: CLEAR }
      : { ok: false, kind: "Type", detail: `cannot be cleared: Halo's schema says it always has a value` };
  }
  if (!column.split) {
    const coerced = coerceValue(raw, column.type);
    return coerced.ok ? coerced : { ok: false, kind: "Type", detail: coerced.message };
  }
  const parts = typeof raw === "string" ? raw.split(settings.arrayDelimiter) : [raw];
  const items: unknown[] = [];
  for (const part of parts) {
    const item = typeof part === "string" ? part.trim() : part;
    if (item === "") continue;
    const coerced = coerceValue(item, column.type);
    if (!coerced.ok)
      return { ok: false, kind: "Type", detail: `list item ${describeValue(item)}: ${coerced.message}` };
    items.push(coerced.value);
  }
  return { ok: true, value: items };
}

/** Builds the row's object; problems (if any) say which columns are at fault. */
export function buildRow(plan: HeaderPlan, values: readonly CellValue[], settings: RowSettings): BuiltRow {
  const object: HaloObject = {};
  let problems: RowProblem[] | undefined;
  let customFields: HaloObject[] | undefined;
  let empty = true;
  const columns = plan.columns;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const raw = values[i] ?? null;
    if (column.target.kind === "ignored" && column.problem === undefined) continue;
    if (isBlankCell(raw)) continue;
    empty = false;
    if (isExcelErrorValue(raw)) {
      (problems ??= []).push({
        column: i,
        kind: "ExcelError",
        detail: `the cell holds the error ${String(raw)}`,
      });
      continue;
    }
    const outcome = cellValue(column, raw, settings);
    if (!outcome.ok) {
      (problems ??= []).push({ column: i, kind: outcome.kind, detail: outcome.detail });
      continue;
    }
    const value = outcome.value === CLEAR ? null : outcome.value;
    if (column.target.kind === "field") {
      setPath(object, column.target.path, value);
    } else if (column.target.kind === "customField") {
      if (customFields === undefined) {
        customFields = [];
        object[plan.customFieldsKey] = customFields;
      }
      customFields.push({ ...column.target.key, value });
    }
  }
  if (
    settings.requireId &&
    !empty &&
    object.id === undefined &&
    !problems?.some((p) => p.column === plan.idColumn)
  ) {
    (problems ??= []).push({
      column: plan.idColumn,
      kind: "MissingId",
      detail: plan.idColumn < 0 ? "there is no id column" : "the id is blank",
    });
  }
  return { object, problems, empty };
}
