/*
 * HALO.* custom functions. Each is a thin wrapper: the logic lives in src/bulk.
 * The JSDoc tags below generate functions.json (custom-functions-metadata-plugin); the parameter
 * text is what Excel's formula autocomplete shows. Parameters are `unknown` because Excel passes
 * numbers, text, booleans, "" or 0 for blanks, serial numbers for dates and error values alike.
 */
import packageInfo from "../../package.json";
import {
  lookupId,
  pairsPayloadText,
  parseFormulaOptions,
  payloadArrayText,
  payloadTexts,
  entityArgument,
  validatePayloadText,
  type ExcelGrid,
} from "../bulk";
import { idResolver } from "../runtime";
import { asExcelResult, asExcelResultAsync, toExcelError } from "./excelErrors";

/**
 * The HaloSheet add-in version loaded in this workbook.
 * @customfunction VERSION
 * @returns The add-in version, such as 0.1.0.
 */
export function version(): string {
  return packageInfo.version;
}

/**
 * Builds the JSON object Halo takes for a row, typed by Halo's schema: exactly what a push sends. Blank cells are left out; #NULL clears a field.
 * @customfunction PAYLOAD
 * @param headers Header row of Halo field names: id, name, site.name (nests), customfields.CFName or customfields.145, tags[] (a delimited list).
 * @param values Value row under the headers, same width. Several rows spill one payload per row.
 * @param [entity] Halo entity that types the values, e.g. "Client", "Tickets", "Asset". Leave out to keep Excel's types.
 * @param [options] Settings, space-separated: clear=#NULL (text that clears a field), delimiter=; (for name[] columns), requireid=true.
 * @returns One JSON payload per row of values.
 */
export function payload(
  headers: unknown[][],
  values: unknown[][],
  entity?: unknown,
  options?: unknown,
): unknown[][] {
  return asExcelResult(() =>
    payloadTexts(headers as ExcelGrid, values as ExcelGrid, {
      ...parseFormulaOptions(options),
      entity: entityArgument(entity),
    }).map((result) => [typeof result === "string" ? result : toExcelError(result)]),
  );
}

/**
 * Builds a JSON object from key, value pairs, for payloads that do not follow the sheet's headers. Keys follow the PAYLOAD header rules.
 * @customfunction JSON
 * @param keysAndValues Pairs of a field name and its value: "id", A2, "site.name", B2, "customfields.CFRef", C2...
 * @returns The JSON object text.
 */
export function json(...keysAndValues: unknown[]): string {
  return asExcelResult(() => pairsPayloadText(keysAndValues));
}

/**
 * Joins payload cells into one JSON array, skipping blank cells, for copying to other tools.
 * @customfunction ARRAY
 * @param payloads Range of payload cells, each a JSON object (or an array of objects), e.g. from HALO.PAYLOAD.
 * @returns The JSON array text; an error if it would not fit in a cell.
 */
export function array(payloads: unknown[][]): string {
  return asExcelResult(() => payloadArrayText(payloads as ExcelGrid));
}

/**
 * Checks a payload against Halo's schema for an entity: "OK", or the first problem (unknown field with a suggestion, wrong type, missing id).
 * @customfunction VALIDATE
 * @param payload JSON payload text, e.g. a HALO.PAYLOAD cell.
 * @param entity Halo entity to check against, e.g. "Client", "Tickets", "Asset".
 * @returns "OK" or the first problem.
 */
export function validate(payload: unknown, entity: unknown): string {
  return asExcelResult(() => validatePayloadText(payload, entity));
}

/**
 * The id of a Halo record by its name, from the instance signed in in the HaloSheet pane; cached for the session. #N/A when none or several match.
 * @customfunction ID
 * @param entity Halo entity, e.g. "Client", "Site", "Agent", "Status", "Team".
 * @param name The record's name (not case-sensitive).
 * @returns The record's id.
 */
export function id(entity: unknown, name: unknown): Promise<number> {
  return asExcelResultAsync(() => lookupId(idResolver(), entity, name));
}
