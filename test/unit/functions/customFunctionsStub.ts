/**
 * A stand-in for Excel's CustomFunctions global (only Excel and the workbench have the real one),
 * installed for the tests that check which Excel error a function gives.
 */
import { thrownBy } from "../bulk/payloadCaught";

export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsStub(): () => void {
  const global = globalThis as { CustomFunctions?: unknown };
  const before = global.CustomFunctions;
  global.CustomFunctions = {
    Error: StubExcelError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
  };
  return () => {
    global.CustomFunctions = before;
  };
}

/** The Excel error a call throws (or fails the test). */
export function thrownExcelError(call: () => unknown): StubExcelError {
  return thrownBy(StubExcelError, call);
}
