/*
 * HALO.* custom functions. Each is a thin wrapper: the logic lives in src/bulk.
 * The JSDoc tags below generate functions.json (custom-functions-metadata-plugin).
 */
import packageInfo from "../../package.json";

/**
 * The HaloSheet add-in version loaded in this workbook.
 * @customfunction VERSION
 * @returns The add-in version, such as 0.1.0.
 */
export function version(): string {
  return packageInfo.version;
}
