/*
 * Calling custom functions from formulas as Excel does (see customFunctions.ts for the argument and
 * result conventions): arguments converted per parameter, scalar parameters lifted over arrays, the
 * invocation object for streaming/cancelable/address-aware functions, and results of asynchronous
 * calls cached per formula and argument values, so a recalculation does not call again while the
 * arguments are unchanged (#BUSY! until a promise settles; a stale result is dropped).
 */
import { cellRect, qualifiedAddress } from "../model/address";
import { CellError, type Scalar } from "../model/types";
import type { FormulaNode } from "./ast";
import {
  errorFromThrown,
  matrixArgument,
  resultValue,
  scalarArgument,
  type CustomFunctionParameter,
  type CustomFunctionRegistry,
  type Invocation,
  type RegisteredFunction,
} from "./customFunctions";
import type { Evaluator } from "./evaluate";
import type { FormulaCell } from "./formulaCell";
import { lift } from "./lift";
import { isError, type Matrix, type Value } from "./values";

interface AsyncSlot {
  state: "pending" | "done";
  value: Scalar | Matrix;
  cancel?: () => void;
}

const BUSY = () => new CellError("#BUSY!");

export interface CallHooks {
  /** The formula is still installed. */
  isLive(cell: FormulaCell): boolean;
  /** The formula calls a volatile function. */
  markVolatile(cell: FormulaCell): void;
  /** An asynchronous or streamed result arrived: recalculate `cell` (undefined: the result is stale). */
  resultArrived(cell: FormulaCell | undefined): void;
}

export class CustomFunctionCalls {
  private readonly slots = new Map<FormulaCell, Map<string, AsyncSlot>>();
  private readonly usedSlots = new Set<string>();
  private pendingCalls = 0;

  constructor(
    private readonly functions: CustomFunctionRegistry,
    private readonly hooks: CallHooks,
  ) {}

  /** Calls whose promise has not settled yet. */
  get pending(): number {
    return this.pendingCalls;
  }

  /** Calls the custom function `name` for a formula; undefined when there is none by that name. */
  call(name: string, args: FormulaNode[], ev: Evaluator): Value | undefined {
    const fn = this.functions.lookup(name);
    if (!fn) return undefined;
    if (!fn.implementation)
      return new CellError("#NAME?", `${name} has no implementation (CustomFunctions.associate).`);
    const params = fn.metadata.parameters ?? [];
    const errorsAllowed = this.functions.allowErrorForDataTypeAny;
    if (fn.metadata.options?.volatile) this.hooks.markVolatile(ev.cell);
    const repeating = params.length > 0 && params[params.length - 1].repeating;
    if (!repeating && args.length > params.length) {
      return new CellError("#VALUE!", `${name} takes at most ${params.length} arguments.`);
    }
    // Evaluate arguments; scalar parameters given arrays are lifted (called once per element).
    const converted: unknown[] = [];
    const liftable: { index: number; values: Matrix; param: CustomFunctionParameter }[] = [];
    // Every declared parameter gets an argument: omitted optional ones are null, as in Excel.
    const count = repeating ? Math.max(args.length, params.length - 1) : params.length;
    const repeated: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const param = params[Math.min(i, params.length - 1)];
      const node = args[i];
      let arg: unknown;
      if (!node || node.kind === "missing") {
        if (!param.optional && !param.repeating) {
          return new CellError("#VALUE!", `${name}: the argument ${param.name} is required.`);
        }
        arg = null;
      } else if (param.dimensionality === "matrix") {
        const value = ev.operand(node);
        const matrix: Matrix = Array.isArray(value) ? value : [[value]];
        const m = matrixArgument(matrix, param.type, errorsAllowed);
        if (isError(m)) return m;
        arg = m;
      } else {
        const value = ev.operand(node);
        if (Array.isArray(value)) {
          liftable.push({ index: i, values: value, param });
          arg = undefined;
        } else {
          const s = scalarArgument(value, param.type, errorsAllowed);
          if (isError(s)) return s;
          arg = s;
        }
      }
      if (param.repeating && i >= params.length - 1) repeated.push(arg);
      else converted.push(arg);
    }
    if (repeating) converted.push(repeated);
    if (liftable.length && !repeating) {
      const matrices = liftable.map((l) => l.values);
      return lift(matrices, (scalars) => {
        const callArgs = [...converted];
        for (let k = 0; k < liftable.length; k++) {
          const s = scalarArgument(scalars[k], liftable[k].param.type, errorsAllowed);
          if (isError(s)) return s;
          callArgs[liftable[k].index] = s;
        }
        const r = this.invoke(fn, callArgs, ev);
        return Array.isArray(r) ? (r[0]?.[0] ?? null) : r;
      });
    }
    return this.invoke(fn, converted, ev);
  }

  private invoke(fn: RegisteredFunction, args: unknown[], ev: Evaluator): Scalar | Matrix {
    const cell = ev.cell;
    const options = fn.metadata.options ?? {};
    const cellSlots = this.slots.get(cell);
    // The cache key (the arguments as JSON) is only worked out when a result may be cached.
    let key: string | undefined;
    const keyOf = () => (key ??= `${fn.formulaName}|${safeKey(args)}`);
    if (cellSlots?.size || options.stream || options.cancelable) {
      this.usedSlots.add(keyOf());
      const cached = cellSlots?.get(keyOf());
      if (cached) return cached.state === "done" ? cached.value : BUSY();
    }
    const slot: AsyncSlot = { state: "pending", value: BUSY() };
    let returned: unknown;
    try {
      const implementation = fn.implementation as (...a: unknown[]) => unknown;
      returned = implementation(...this.withInvocation(fn, cell, args, slot));
    } catch (thrown) {
      return errorFromThrown(thrown);
    }
    if (options.stream) {
      this.keepSlot(cell, keyOf(), slot);
      return slot.state === "done" ? slot.value : BUSY();
    }
    if (returned && typeof (returned as PromiseLike<unknown>).then === "function") {
      this.keepSlot(cell, keyOf(), slot);
      this.awaitResult(cell, keyOf(), slot, returned as PromiseLike<unknown>);
      return BUSY();
    }
    return resultValue(returned);
  }

  /** The arguments plus the invocation object Excel passes to streaming, cancelable or address-aware functions. */
  private withInvocation(
    fn: RegisteredFunction,
    cell: FormulaCell,
    args: unknown[],
    slot: AsyncSlot,
  ): unknown[] {
    const options = fn.metadata.options ?? {};
    if (!(
      options.stream ||
      options.cancelable ||
      options.requiresAddress ||
      options.requiresParameterAddresses
    )) {
      return args;
    }
    const invocation: Invocation = { functionName: fn.formulaName };
    if (options.requiresAddress) {
      invocation.address = qualifiedAddress(cell.sheet.name, cellRect(cell.row, cell.col));
    }
    if (options.stream) {
      const generation = cell.generation;
      invocation.setResult = (value: unknown) => {
        if (cell.generation !== generation || !this.hooks.isLive(cell)) return;
        slot.state = "done";
        slot.value = resultValue(value);
        this.hooks.resultArrived(cell);
      };
    }
    if (options.stream || options.cancelable) slot.cancel = () => invocation.onCanceled?.();
    return [...args, invocation];
  }

  private keepSlot(cell: FormulaCell, key: string, slot: AsyncSlot): void {
    this.usedSlots.add(key);
    this.slotsOf(cell).set(key, slot);
  }

  /** A promise result: the cell shows #BUSY! until it settles, then recalculates (if still current). */
  private awaitResult(cell: FormulaCell, key: string, slot: AsyncSlot, promise: PromiseLike<unknown>): void {
    this.pendingCalls++;
    const generation = cell.generation;
    const settle = (value: Scalar | Matrix) => {
      this.pendingCalls--;
      slot.state = "done";
      slot.value = value;
      const current =
        cell.generation === generation && this.hooks.isLive(cell) && this.slots.get(cell)?.get(key) === slot;
      this.hooks.resultArrived(current ? cell : undefined);
    };
    promise.then(
      (v) => settle(resultValue(v)),
      (e) => settle(errorFromThrown(e)),
    );
  }

  private slotsOf(cell: FormulaCell): Map<string, AsyncSlot> {
    let map = this.slots.get(cell);
    if (!map) {
      map = new Map();
      this.slots.set(cell, map);
    }
    return map;
  }

  /** A formula's evaluation starts: calls made from now on are the ones it still needs. */
  startEvaluation(): void {
    this.usedSlots.clear();
  }

  /** A formula's evaluation ended: cached calls it no longer made are dropped (and canceled). */
  finishEvaluation(cell: FormulaCell): void {
    const map = this.slots.get(cell);
    if (!map) return;
    for (const [key, slot] of map) {
      if (!this.usedSlots.has(key)) {
        slot.cancel?.();
        map.delete(key);
      }
    }
  }

  /** The formula is gone: its pending calls are canceled and their results forgotten. */
  forget(cell: FormulaCell): void {
    this.slots.get(cell)?.forEach((slot) => slot.cancel?.());
    this.slots.delete(cell);
  }
}

/** The arguments as a cache key (error values by their code). */
function safeKey(args: unknown[]): string {
  return JSON.stringify(args, (_k, v) =>
    v instanceof CellError ? `#ERR:${v.code}` : v === undefined ? null : v,
  );
}
