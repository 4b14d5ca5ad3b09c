/**
 * What the =HALO.* worksheet functions compute, over the values Excel hands a custom function:
 * 2-D arrays of numbers (floats), text, booleans, "" or 0 for blanks, serial numbers for dates, and
 * error values. Results are text for a cell; failures are PayloadErrors the function layer turns
 * into Excel errors.
 */
import { isBlankCell, isExcelErrorValue, toCellValue, type CellValue } from "../cells";
import { headerPlan, type HeaderPlan } from "./columns";
import { fieldTable } from "./entityFields";
import { parseJsonText } from "./jsonText";
import { buildRow, rowSettings, type RowSettings } from "./rows";
import { objectsInJson, readPayloadCell } from "./sheetRows";
import { PayloadError, type HaloObject, type PayloadOptions } from "./types";
import { validateObject } from "./validate";
import type { IdResolver } from "./idLookup";

/** Excel's limit on the text in one cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** A 2-D range argument as Excel passes it (rows of cells). */
export type ExcelGrid = readonly (readonly unknown[])[];

function fitInCell(text: string, what: string): string {
  if (text.length > CELL_TEXT_LIMIT)
    throw new PayloadError(
      "Size",
      `${what} is ${text.length.toLocaleString("en-US")} characters; an Excel cell holds at most 32,767. ` +
        "Push the rows (or the payload column) instead: HaloSheet splits them into requests of a safe size.",
    );
  return text;
}

/** A header cell as a name; 0 is what a reference to an empty header cell gives (=A1), so it names nothing. */
function headerText(value: CellValue, index: number): string {
  if (isExcelErrorValue(value))
    throw new PayloadError("ExcelError", `header ${index + 1} holds the error ${String(value)}`);
  return value === null || value === 0 ? "" : typeof value === "string" ? value : String(value);
}

function widthProblem(headers: readonly CellValue[], values: readonly CellValue[]): PayloadError | undefined {
  return values.length === headers.length
    ? undefined
    : new PayloadError(
        "Input",
        `headers has ${headers.length} cells but values has ${values.length}: use ranges of the same width`,
      );
}

/** One row through a compiled plan: the JSON text, "" for nothing to send, or the first problem thrown. */
function rowText(plan: HeaderPlan, settings: RowSettings, values: readonly CellValue[]): string {
  const built = buildRow(plan, values, settings);
  const first = built.problems?.[0];
  if (first !== undefined) {
    const column = first.column >= 0 ? plan.columns[first.column]!.header : "id";
    throw new PayloadError(first.kind, `${column}: ${first.detail}`);
  }
  return built.empty ? "" : fitInCell(JSON.stringify(built.object), "The payload");
}

/**
 * One row's payload as JSON text ("" for a row with nothing to send): the same typing, nesting and
 * blank-cell rules as the push, so the cell shows exactly what a push sends.
 */
export function rowPayloadText(headers: CellValue[], values: CellValue[], options?: PayloadOptions): string {
  const mismatch = widthProblem(headers, values);
  if (mismatch !== undefined) throw mismatch;
  return rowText(headerPlan(headers.map(headerText), options?.entity), rowSettings(options), values);
}

const toCells = (row: readonly unknown[]): CellValue[] => row.map(toCellValue);

/** A one-column header range (headers down the side) is read as a row, and its values column by column. */
function orient(headers: ExcelGrid, values: ExcelGrid): { headers: CellValue[]; rows: CellValue[][] } {
  if (headers.length > 1 && headers.every((row) => row.length === 1)) {
    const width = Math.max(0, ...values.map((row) => row.length));
    const rows = Array.from({ length: width }, (_, c) => values.map((row) => toCellValue(row[c])));
    return { headers: headers.map((row) => toCellValue(row[0])), rows };
  }
  if (headers.length !== 1)
    throw new PayloadError("Input", "headers must be one row (or one column) of cells");
  return { headers: toCells(headers[0]!), rows: values.map(toCells) };
}

/**
 * =HALO.PAYLOAD over ranges: one result per value row (text, or the row's error), for a spilled
 * column. The headers are compiled once for the call; a bad entity or header fails the whole call.
 */
export function payloadTexts(
  headers: ExcelGrid,
  values: ExcelGrid,
  options?: PayloadOptions,
): (string | PayloadError)[] {
  const oriented = orient(headers, values);
  const plan = headerPlan(oriented.headers.map(headerText), options?.entity);
  const settings = rowSettings(options);
  return oriented.rows.map((row) => {
    try {
      return widthProblem(oriented.headers, row) ?? rowText(plan, settings, row);
    } catch (error) {
      if (error instanceof PayloadError) return error;
      throw error;
    }
  });
}

/** A scalar argument that must not be an Excel error value (a #N/A from a lookup, say). */
function settingArgument(raw: unknown, name: string): CellValue {
  const value = toCellValue(raw);
  if (isExcelErrorValue(value)) throw new PayloadError("ExcelError", `${name} is the error ${String(value)}`);
  return value;
}

/** The entity argument: blank ("" or 0 from an empty cell, or omitted) means none. */
export function entityArgument(raw: unknown): string | undefined {
  const value = settingArgument(raw, "entity");
  if (isBlankCell(value) || value === 0) return undefined;
  if (typeof value !== "string")
    throw new PayloadError("Input", `entity must be a name such as "Client", got ${String(value)}`);
  return value.trim() === "" ? undefined : value.trim();
}

const OPTION_NAMES: Record<string, "clearMarker" | "arrayDelimiter" | "requireId"> = {
  clear: "clearMarker",
  delimiter: "arrayDelimiter",
  requireid: "requireId",
};

/**
 * The options argument of =HALO.PAYLOAD: space-separated `name=value` pairs, e.g.
 * `clear=#CLEAR delimiter=| requireid=true`. Blank means defaults.
 */
export function parseFormulaOptions(raw: unknown): PayloadOptions {
  const value = settingArgument(raw, "options");
  const options: PayloadOptions = {};
  if (isBlankCell(value) || value === 0) return options;
  for (const pair of String(value).trim().split(/\s+/)) {
    const match = /^([a-zA-Z]+)=(.+)$/.exec(pair);
    const name = match === null ? undefined : OPTION_NAMES[match[1]!.toLowerCase()];
    if (match === null || name === undefined)
      throw new PayloadError(
        "Input",
        `options: "${pair}" is not one of clear=<marker>, delimiter=<text>, requireid=true|false`,
      );
    const setting = match[2]!;
    if (name === "requireId") {
      if (!/^(true|false)$/i.test(setting))
        throw new PayloadError("Input", `options: requireid is true or false, got "${setting}"`);
      options.requireId = setting.toLowerCase() === "true";
    } else options[name] = setting;
  }
  return options;
}

/** =HALO.JSON(key1, value1, ...): an object from key/value pairs, keys read like headers. */
export function pairsPayloadText(keysAndValues: readonly unknown[], options?: PayloadOptions): string {
  const flat = keysAndValues
    .flatMap((item) => (Array.isArray(item) ? (item as unknown[]).flat() : [item]))
    .map(toCellValue);
  if (flat.length === 0 || flat.length % 2 !== 0)
    throw new PayloadError(
      "Input",
      `expected key, value pairs; got ${flat.length} argument${flat.length === 1 ? "" : "s"}`,
    );
  const keys: CellValue[] = [];
  const values: CellValue[] = [];
  for (let i = 0; i < flat.length; i += 2) {
    const key = flat[i]!;
    if (isBlankCell(key) || typeof key !== "string")
      throw new PayloadError(
        "Input",
        `key ${i / 2 + 1} must be a field name, got ${key === null || key === "" ? "a blank" : String(key)}`,
      );
    keys.push(key);
    values.push(flat[i + 1]!);
  }
  return rowPayloadText(keys, values, options) || "{}";
}

/** =HALO.ARRAY(payloads): one JSON array of the objects in the non-blank payload cells of a range. */
export function payloadArrayText(cells: ExcelGrid): string {
  const objects: HaloObject[] = [];
  cells.forEach((row, r) =>
    row.forEach((raw, c) => {
      const value = toCellValue(raw);
      if (isBlankCell(value) || value === 0) return; // a reference to an empty cell gives 0, never a payload
      const read = readPayloadCell(value);
      if ("kind" in read)
        throw new PayloadError(
          read.kind,
          `payload in row ${r + 1}, column ${c + 1} of the range: ${read.detail}`,
        );
      objects.push(...read.objects);
    }),
  );
  return fitInCell(JSON.stringify(objects), "The array");
}

/** =HALO.VALIDATE(payload, entity): "OK", or the first problem of the payload against the entity's schema. */
export function validatePayloadText(payload: unknown, entity: unknown): string {
  const name = entityArgument(entity);
  if (name === undefined) throw new PayloadError("Input", 'entity is required, e.g. "Client"');
  const table = fieldTable(name);
  const value = toCellValue(payload);
  if (isBlankCell(value)) return "nothing to send (blank)";
  if (isExcelErrorValue(value)) return `the payload is the error ${String(value)}`;
  if (typeof value !== "string") return `expected JSON text, got ${String(value)}`;
  const parsed = parseJsonText(value);
  if (!parsed.ok) return parsed.message;
  const objects = objectsInJson(parsed.value);
  if (typeof objects === "string") return objects;
  for (let i = 0; i < objects.length; i++) {
    const first = validateObject(objects[i]!, table, true)[0];
    if (first !== undefined)
      return `${objects.length > 1 ? `object ${i + 1}, ` : ""}${first.field}: ${first.detail}`;
  }
  return "OK";
}

/** =HALO.ID(entity, name): the arguments checked, then the id from the resolver. */
export function lookupId(
  resolver: Pick<IdResolver, "resolve">,
  entity: unknown,
  name: unknown,
): Promise<number> {
  const entityName = entityArgument(entity);
  if (entityName === undefined) throw new PayloadError("Input", 'entity is required, e.g. "Client"');
  const value = settingArgument(name, "the name");
  if (isBlankCell(value)) throw new PayloadError("Input", "the name is blank");
  return resolver.resolve(entityName, String(value));
}
