/**
 * From what the user selected to a plan: a payload column is sent as it is (and wins over field
 * columns selected with it); otherwise the selected field columns, plus the id column, through the
 * column mapping. Columns that are no field of the entity are left out and named.
 */
import {
  autoMapColumns,
  buildPlan,
  columnLetters,
  columnsNotSent,
  findPayloadColumn,
  mappedHeaders,
  payloadColumnSource,
  type CellValue,
  type ColumnMatch,
  type Plan,
  type SheetRow,
  type SheetTable,
} from "../../bulk";
import type { SheetSelection } from "../../office/selection";

export interface PushOptions {
  /** Send only the fields that differ from the pull snapshot (needs one). */
  changedOnly: boolean;
  allowCreate: boolean;
  dontFireAutomations: boolean;
  verify: boolean;
  /** Send rows whose fields were changed in Halo since the pull anyway. */
  overwriteConflicts: boolean;
  /** Read each record before writing it: Undo's before-image, the conflict check (see recordReads). */
  readRecords: boolean;
}

export const DEFAULT_OPTIONS: PushOptions = {
  changedOnly: true,
  allowCreate: false,
  dontFireAutomations: false,
  verify: false,
  overwriteConflicts: false,
  readRecords: true,
};

export interface Snapshot {
  headers: string[];
  rows: CellValue[][];
}

export interface PushInput {
  selection: SheetSelection;
  entity: string;
  snapshot?: Snapshot;
  /** The user's saved targets, by header. */
  savedTargets?: Record<string, string>;
  options: PushOptions;
  dryRun?: boolean;
}

export interface PreparedPush {
  plan: Plan;
  /** The payload column's header when the push sends a payload column. */
  payloadColumn?: string;
  /** Each field column's target (empty for a payload column push). */
  matches: ColumnMatch[];
  /** For people: what was left out and why, which column won. */
  notes: string[];
}

/**
 * The snapshot as the plan reads it: each column under its target field. Columns that are not sent
 * are left out: under a blank header (two of them even repeat) their values would make every snapshot
 * row an error, and the rows would lose their old values and the conflict check with them.
 */
function snapshotTable(snapshot: Snapshot, target: (header: string) => string): SheetTable {
  const kept = snapshot.headers
    .map((header, at) => ({ field: target(header), at }))
    .filter((column) => column.field !== "");
  return {
    headers: kept.map((column) => column.field),
    rows: snapshot.rows.map((values, i) => ({
      rowNumber: i + 2,
      values: kept.map((column) => values[column.at] ?? null),
    })),
  };
}

function describeNotSent(match: ColumnMatch): string {
  return match.how === "displayName" ? `${match.header} (a display name)` : `${match.header} (no Halo field)`;
}

export function preparePush(input: PushInput): PreparedPush {
  const { selection, options } = input;
  const table: SheetTable = { headers: selection.headers, rows: selection.rows };
  const results = selection.resultColumns;
  const resultIndexes = new Set(results ? [results.status, results.message] : []);
  const payloadAt = findPayloadColumn(table, selection.selectedColumns);
  const planOptions = {
    allowCreate: options.allowCreate,
    dontFireAutomations: options.dontFireAutomations,
    dryRun: input.dryRun ?? false,
  };
  const snapshot = options.changedOnly ? input.snapshot : undefined;
  const notes: string[] = [];

  if (payloadAt !== undefined) {
    const others = selection.selectedColumns.filter((c) => c !== payloadAt);
    if (others.length > 0)
      notes.push(
        `Column ${columnLetters(selection.firstColumn + payloadAt)} holds payloads: its objects are sent as they are; the other selected columns are not read.`,
      );
    const plan = buildPlan({
      entity: input.entity,
      source: payloadColumnSource(table, payloadAt),
      ...(snapshot ? { snapshot: snapshotTable(snapshot, (h) => h) } : {}),
      options: { ...planOptions, payload: { firstColumn: selection.firstColumn + payloadAt } },
    });
    return { plan, payloadColumn: selection.headers[payloadAt] ?? "", matches: [], notes };
  }

  const notSent = new Set(
    selection.headers.filter(
      (_, i) =>
        resultIndexes.has(i) ||
        (!selection.selectedColumns.includes(i) && !isIdHeader(selection.headers[i]!)),
    ),
  );
  const matches = autoMapColumns(selection.headers, input.entity, input.savedTargets ?? {}, notSent);
  // The id column is read even when not selected: without it no row names its record.
  const idAt = matches.findIndex((m) => m.target.toLowerCase() === "id");
  for (const [i, match] of matches.entries())
    if (!selection.selectedColumns.includes(i) && i !== idAt) {
      match.target = "";
      match.how = "none";
    }
  const targetOf = new Map(matches.map((m) => [m.header, m.target]));
  const left = columnsNotSent(matches.filter((_, i) => selection.selectedColumns.includes(i)));
  if (left.length > 0) notes.push(`Not sent: ${left.map(describeNotSent).join(", ")}.`);
  const plan = buildPlan({
    entity: input.entity,
    source: { headers: mappedHeaders(matches), rows: cellsRead(selection, matches) },
    ...(snapshot ? { snapshot: snapshotTable(snapshot, (h) => targetOf.get(h) ?? "") } : {}),
    // A value under a blank header (or past the last one) makes its row a problem naming the cell.
    options: {
      ...planOptions,
      payload: { firstColumn: selection.firstColumn, valuesWithoutHeader: "error" },
    },
  });
  return { plan, matches, notes };
}

/**
 * The cells the push reads: those of the columns it sends, and those of selected columns with no
 * header (a stray value, which the engine reports by cell). The rest (columns not sent, or not
 * selected) are blanked, so their values are neither sent nor taken for stray values.
 */
function cellsRead(selection: SheetSelection, matches: readonly ColumnMatch[]): SheetRow[] {
  const read = matches.map(
    (m, i) =>
      m.target !== "" || (selection.headers[i]!.trim() === "" && selection.selectedColumns.includes(i)),
  );
  return selection.rows.map((row) => ({
    rowNumber: row.rowNumber,
    values: row.values.map((value, i) => (read[i] ? value : null)),
  }));
}

function isIdHeader(header: string): boolean {
  const key = header.trim().toLowerCase();
  return key === "id" || key.endsWith(" id") || key.endsWith("_id");
}
