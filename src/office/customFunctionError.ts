/**
 * The error value a custom function returns or throws: Excel shows a CustomFunctions.Error as #VALUE!,
 * #N/A... with its message on hover. The CustomFunctions global exists only inside Excel (and the
 * workbench), so without it the same shape is built from a plain class: unit tests in Node stub the
 * global or check the shape.
 */

/** What Excel receives: CustomFunctions.Error, or this stand-in outside Excel. */
export interface ExcelError {
  code: string;
  message?: string;
}

class StandInExcelError implements ExcelError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** An Excel error value with `message` on hover; `code` is one of CustomFunctions.ErrorCode's values. */
export function customFunctionError(code: string, message: string): ExcelError {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return runtime === undefined
    ? new StandInExcelError(code, message)
    : new runtime.Error(code as CustomFunctions.ErrorCode, message);
}
