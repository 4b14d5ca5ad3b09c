/** The shapes the payload engine takes and returns (see notes/contracts.md). */

/** One object as Halo's POST /api/<Entity> takes it. */
export type HaloObject = Record<string, unknown>;

export interface PayloadOptions {
  /** Halo entity whose schema types the values ("Client", "Tickets"...); without it values keep their Excel type. */
  entity?: string;
  /** A cell holding exactly this text sends null (clears the field). Default "#NULL". */
  clearMarker?: string;
  /** Separator for `field[]` columns. Default ";". */
  arrayDelimiter?: string;
  /** 0-based sheet column of headers[0], so problems name the right cell. Default 0. */
  firstColumn?: number;
  /** Rows without an id are problems (kind MissingId) instead of creates. Default false. */
  requireId?: boolean;
  /**
   * A value under a blank header, or past the last header (a ragged CSV row): "ignore" (default, so
   * =HALO.PAYLOAD can skip helper columns) or "error" (the row is not sent and the cell is named).
   */
  valuesWithoutHeader?: "ignore" | "error";
}

export interface RowPayload {
  rowNumber: number;
  object: HaloObject;
}

export type ProblemKind =
  | "UnknownField" // header or key the entity's schema does not have
  | "Header" // a header the engine cannot map: duplicate, conflicting nesting, `[]` on a non-array field
  | "Type" // a value that does not fit the field's type
  | "ExcelError" // #VALUE!, #REF!, #N/A... in a cell
  | "Json" // a JSON payload cell that does not parse or is not an object
  | "MissingId" // no id where one is required
  | "Size"; // too long for a cell or a request

export interface CellProblem {
  rowNumber: number;
  /** A1 address, e.g. "C7". */
  cell: string;
  /** The header of the cell's column. */
  column: string;
  kind: ProblemKind;
  /** Names the cell ("C7 (name): ..." or "C7 has a value but ..."): the plan shows it as it is. */
  message: string;
}

/** A row with any problem yields no payload. */
export interface PayloadResult {
  payloads: RowPayload[];
  problems: CellProblem[];
}

/** Thrown by the single-payload helpers (what =HALO.* functions show); carries the kind to map to an Excel error. */
export class PayloadError extends Error {
  readonly kind: ProblemKind | "Input";
  constructor(kind: ProblemKind | "Input", message: string) {
    super(message);
    this.name = "PayloadError";
    this.kind = kind;
  }
}
