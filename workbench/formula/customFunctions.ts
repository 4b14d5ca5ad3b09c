/*
 * Custom functions as Excel calls them: implementations registered with CustomFunctions.associate,
 * metadata from functions.json (the namespace comes from the manifest), and Excel's argument and
 * result conventions: matrix parameters get 2-D arrays, scalar parameters a single value converted
 * to the declared type, blanks in ranges "" , omitted optional arguments null, numbers as floats,
 * dates as serial numbers; an error argument is returned without calling the function; a thrown
 * CustomFunctions.Error becomes that error in the cell (with its message for #VALUE! and #N/A).
 */
import { CellError, ERROR_CODES, type ErrorCode, type Scalar } from "../model/types";
import { isError, toBoolean, toNumber, toText, type Matrix } from "./values";

export type Dimensionality = "scalar" | "matrix";

export interface CustomFunctionParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: Dimensionality;
  optional?: boolean;
  repeating?: boolean;
}

export interface CustomFunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters?: CustomFunctionParameter[];
  result?: { type?: string; dimensionality?: Dimensionality };
  options?: {
    stream?: boolean;
    cancelable?: boolean;
    volatile?: boolean;
    requiresAddress?: boolean;
    requiresParameterAddresses?: boolean;
    capturesCallingObject?: boolean;
  };
}

/** The shape of functions.json. */
export interface CustomFunctionsMetadataFile {
  allowErrorForDataTypeAny?: boolean;
  functions: CustomFunctionMetadata[];
}

export type CustomFunctionImplementation = (...args: never[]) => unknown;

/** The invocation object Excel passes last to streaming, cancelable or address-aware functions. */
export interface Invocation {
  functionName: string;
  address?: string;
  parameterAddresses?: string[];
  setResult?: (value: unknown) => void;
  onCanceled?: () => void;
}

/** The error a custom function throws or returns (the workbench's CustomFunctions.Error). */
export class CustomFunctionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

export interface RegisteredFunction {
  /** Upper-case formula name with namespace: "HALO.PAYLOAD". */
  formulaName: string;
  metadata: CustomFunctionMetadata;
  implementation?: CustomFunctionImplementation;
}

export class CustomFunctionRegistry {
  private readonly byName = new Map<string, RegisteredFunction>();
  private readonly implementations = new Map<string, CustomFunctionImplementation>();
  private readonly listeners = new Set<() => void>();
  allowErrorForDataTypeAny = false;

  /** CustomFunctions.associate(id, fn) or associate({id: fn, ...}); ids compare case-insensitively. */
  associate(
    idOrMap: string | Record<string, CustomFunctionImplementation>,
    fn?: CustomFunctionImplementation,
  ): void {
    const entries = typeof idOrMap === "string" ? [[idOrMap, fn!] as const] : Object.entries(idOrMap);
    for (const [id, implementation] of entries) {
      if (typeof implementation !== "function") continue;
      this.implementations.set(id.toUpperCase(), implementation);
      for (const entry of this.byName.values()) {
        if (entry.metadata.id.toUpperCase() === id.toUpperCase()) entry.implementation = implementation;
      }
    }
    this.changed();
  }

  /** Loads functions.json; `namespace` is the manifest's Functions.Namespace ("HALO"). */
  loadMetadata(file: CustomFunctionsMetadataFile, namespace: string): void {
    this.allowErrorForDataTypeAny = !!file.allowErrorForDataTypeAny;
    for (const metadata of file.functions) {
      const formulaName = `${namespace}.${metadata.name}`.toUpperCase();
      this.byName.set(formulaName, {
        formulaName,
        metadata,
        implementation: this.implementations.get(metadata.id.toUpperCase()),
      });
    }
    this.changed();
  }

  lookup(formulaName: string): RegisteredFunction | undefined {
    return this.byName.get(formulaName.toUpperCase());
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Called when functions are associated or loaded, so formulas showing #NAME? recalculate. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }
}

/** A 2-D argument as Excel passes it: blanks become "" (0 / FALSE for number / boolean arrays). */
export function matrixArgument(
  matrix: Matrix,
  type: string | undefined,
  errorsAllowed = false,
): unknown[][] | CellError {
  const out: unknown[][] = new Array(matrix.length);
  for (let i = 0; i < matrix.length; i++) {
    const line = matrix[i];
    const converted: unknown[] = new Array(line.length);
    for (let j = 0; j < line.length; j++) {
      const v = scalarArgument(line[j], type, errorsAllowed);
      if (isError(v)) return v;
      converted[j] = v;
    }
    out[i] = converted;
  }
  return out;
}

/**
 * A single argument converted to the parameter's declared type; an error when it cannot be (the
 * function is then not called). With allowErrorForDataTypeAny, `any` parameters receive error values
 * as CustomFunctions.Error objects instead.
 */
export function scalarArgument(v: Scalar, type: string | undefined, errorsAllowed = false): unknown {
  if (isError(v)) {
    return errorsAllowed && (type === undefined || type === "any")
      ? new CustomFunctionError(v.code, v.message)
      : v;
  }
  switch (type) {
    case "number":
      return toNumber(v);
    case "string":
      return toText(v);
    case "boolean":
      return toBoolean(v);
    default:
      return v === null ? "" : v;
  }
}

/** Converts what a custom function returned (or threw) into a cell value or array. */
export function resultValue(result: unknown): Scalar | Matrix {
  if (Array.isArray(result)) {
    if (!result.length || !result.every((row) => Array.isArray(row) && row.length === result[0].length)) {
      return new CellError("#VALUE!", "A custom function returned an array that is not 2-D and rectangular.");
    }
    if (!(result[0] as unknown[]).length) return new CellError("#VALUE!");
    return (result as unknown[][]).map((row) => row.map((v) => scalarResult(v)));
  }
  return scalarResult(result);
}

function scalarResult(v: unknown): Scalar {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? v : new CellError("#NUM!");
  if (typeof v === "string")
    return v.length > 32767 ? new CellError("#VALUE!", "Text longer than 32,767 characters") : v;
  if (typeof v === "boolean") return v;
  if (v instanceof CellError) return v;
  return errorFromThrown(v);
}

/** A thrown value as the cell shows it: CustomFunctions.Error keeps its code (and message for
    #VALUE!/#N/A, the only codes Excel shows a message for); anything else is #VALUE!. */
export function errorFromThrown(thrown: unknown): CellError {
  if (thrown && typeof thrown === "object" && "code" in thrown) {
    const code = String((thrown as { code: unknown }).code);
    if ((ERROR_CODES as readonly string[]).includes(code)) {
      const message = (thrown as { message?: unknown }).message;
      const withMessage = code === "#VALUE!" || code === "#N/A";
      return new CellError(
        code as ErrorCode,
        withMessage && typeof message === "string" && message !== code ? message : undefined,
      );
    }
  }
  // Duck-typed: functions run in the task pane's window, whose Error is not this window's.
  const message =
    thrown && typeof thrown === "object" ? (thrown as { message?: unknown }).message : undefined;
  return new CellError("#VALUE!", typeof message === "string" ? message : undefined);
}
