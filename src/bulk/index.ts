/**
 * The bulk engine's public surface, for the layers above (runtime, functions, task pane, office, cli).
 * Everything outside src/bulk imports from here, never from the files behind it (lint refuses it), so
 * the engine can be rearranged without touching its callers. Add an export here when you need one.
 */

// Cells as read from and written to a sheet.
export {
  cellAddress,
  columnLetters,
  EXCEL_ERROR_CODES,
  isBlankCell,
  isExcelErrorValue,
  toCellValue,
} from "./cells";
export type { CellValue, ExcelErrorCode, SheetRow } from "./cells";

// Payloads: sheet rows or JSON cells -> typed Halo objects (also the HALO.* functions' logic).
export * from "./payload";
export { IdLookupError, IdResolver } from "./payload/idLookup";
export type { IdLookupErrorKind, IdResolverOptions, NameListPort } from "./payload/idLookup";
export { haloNameListPort } from "./payload/haloNameList";

// Plans: what a push would do, row by row, before anything is sent.
export { buildPlan } from "./plan";
export type { JsonColumn, PlanOptions, PlanRequest, SheetTable } from "./plan";
export type { FieldChange, Plan, PlanAction, PlannedRow, RunFlags } from "./planTypes";
export { diffPreview, planCounts } from "./diffPreview";
export type { RowDiff } from "./diffPreview";

// Runs: batches under the rate limit, a result on every row, retrying failed rows, undo.
export type { HaloPort, PortCall, PortPostResult } from "./haloPort";
export { haloClientPort } from "./haloClientPort";
export { startRun } from "./run";
export type { JournalEntry, RunHandle, RunOptions, RunProgress, RunReport } from "./runTypes";
export type { RunState } from "./runControl";
export { SUCCESS_STATUSES } from "./rowResult";
export type { FieldMismatch, RowResult, RowStatus } from "./rowResult";
export { retryPlan } from "./retryPlan";
export { requestCost } from "./requestCost";
export type { CostOptions, RequestCost } from "./requestCost";
export { undo, undoPlan } from "./journal";
export type { UndoOptions } from "./journal";

// Push from a sheet: which columns go where, and a column of payload cells.
export { autoMapColumns, columnsNotSent, mappedHeaders } from "./columnMapping";
export type { ColumnMatch, MatchKind } from "./columnMapping";
export { findPayloadColumn, isPayloadColumn, payloadColumnSource } from "./payloadColumn";
export { entityFieldNames, entityNames } from "./entityNames";
