/** Failures -> the Excel errors the HALO.* functions give: #N/A when a lookup finds nothing, #VALUE! for bad input. */
import { IdLookupError, PayloadError } from "../bulk";
import { customFunctionError, type ExcelError } from "../office/customFunctionError";

/** #N/A for lookups that found nothing, found several, or could not ask Halo; #VALUE! for bad input. */
export function toExcelError(error: unknown): ExcelError {
  if (error instanceof IdLookupError)
    return customFunctionError(error.kind === "Input" ? "#VALUE!" : "#N/A", error.message);
  if (error instanceof PayloadError) return customFunctionError("#VALUE!", error.message);
  return customFunctionError("#VALUE!", error instanceof Error ? error.message : String(error));
}

/** Runs a function body, turning any failure into the Excel error to throw. */
export function asExcelResult<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error);
  }
}

/** The async twin of asExcelResult. */
export async function asExcelResultAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toExcelError(error);
  }
}
