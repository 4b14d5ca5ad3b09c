/**
 * Failures -> Excel errors. Excel shows a CustomFunctions.Error as #VALUE!, #N/A... with our message
 * on hover. The CustomFunctions global exists only inside Excel (and the workbench), so without it the
 * same shape is built from a plain class: unit tests in Node stub the global or check the shape.
 */
import { IdLookupError, PayloadError, type ExcelErrorCode } from "../bulk";

/** The Excel error codes these functions give (values of CustomFunctions.ErrorCode). */
export type FunctionErrorCode = Extract<ExcelErrorCode, "#VALUE!" | "#N/A">;

/** What Excel receives: CustomFunctions.Error, or this stand-in outside Excel. */
export interface ExcelError {
  code: string;
  message?: string;
}

class StandInExcelError implements ExcelError {
  constructor(
    readonly code: FunctionErrorCode,
    readonly message: string,
  ) {}
}

export function excelError(code: FunctionErrorCode, message: string): ExcelError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return runtime === undefined
    ? new StandInExcelError(code, message)
    : new runtime.Error(code as CustomFunctions.ErrorCode, message);
}

/** #N/A for lookups that found nothing, found several, or could not ask Halo; #VALUE! for bad input. */
export function toExcelError(error: unknown): ExcelError {
  if (error instanceof IdLookupError)
    return excelError(error.kind === "Input" ? "#VALUE!" : "#N/A", error.message);
  if (error instanceof PayloadError) return excelError("#VALUE!", error.message);
  return excelError("#VALUE!", error instanceof Error ? error.message : String(error));
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
