/**
 * The payload engine: sheet rows or JSON payload cells -> typed Halo objects, with every problem
 * named by row, cell and column. The implementation lives in ./payload/ (one job per file).
 */
export type {
  HaloObject,
  PayloadOptions,
  RowPayload,
  ProblemKind,
  CellProblem,
  PayloadResult,
} from "./payload/types";
export { PayloadError } from "./payload/types";
export { rowsToPayloads, jsonCellsToPayloads } from "./payload/sheetRows";
export {
  CELL_TEXT_LIMIT,
  rowPayloadText,
  payloadTexts,
  pairsPayloadText,
  payloadArrayText,
  validatePayloadText,
  entityArgument,
  parseFormulaOptions,
  lookupId,
  type ExcelGrid,
} from "./payload/formulas";
export { excelSerialToIso, isoDateText } from "./payload/dates";
