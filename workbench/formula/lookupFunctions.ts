/* Lookup and conditional functions: INDEX, MATCH, VLOOKUP, XLOOKUP, COUNTIF, SUMIF. */
import { CellError, type Scalar } from "../model/types";
import { criterion, lookupEquals } from "./criteria";
import { argCountError, intArg, matrixArgument, type Builtin } from "./functionHelpers";
import { compareScalars, isError, toBoolean, type Matrix } from "./values";

const NOT_FOUND = () => new CellError("#N/A");

/** The cells of a one-row or one-column array as a list; undefined for a 2-D block. */
function vector(m: Matrix): Scalar[] | undefined {
  if (m.length === 1) return m[0];
  if (m[0]?.length === 1) return m.map((row) => row[0]);
  return undefined;
}

function scalarOf(v: Scalar | Matrix): Scalar {
  return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
}

/** Position of `needle` in `list` (0-based) or -1: exact (0), largest <= (1), smallest >= (-1), as MATCH. */
function position(needle: Scalar, list: Scalar[], mode: number, wildcards: boolean, fromEnd = false): number {
  if (mode === 0) {
    for (let k = 0; k < list.length; k++) {
      const i = fromEnd ? list.length - 1 - k : k;
      if (lookupEquals(needle, list[i], wildcards)) return i;
    }
    return -1;
  }
  let best = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (v === null || isError(v) || typeof v !== typeof needle) continue;
    const cmp = compareScalars(v, needle) as number;
    if (cmp === 0) return i;
    if (mode > 0 && cmp < 0 && (best < 0 || (compareScalars(v, list[best]) as number) > 0)) best = i;
    if (mode < 0 && cmp > 0 && (best < 0 || (compareScalars(v, list[best]) as number) < 0)) best = i;
  }
  return best;
}

export const LOOKUP_FUNCTIONS: Record<string, Builtin> = {
  MATCH: (args, ev) => {
    if (args.length < 2 || args.length > 3) return argCountError("MATCH");
    const needle = scalarOf(ev.operand(args[0]));
    if (isError(needle)) return needle;
    const m = matrixArgument(args[1], ev);
    if (isError(m)) return m;
    const list = vector(m);
    if (!list) return NOT_FOUND();
    const mode = args[2] ? intArg(scalarOf(ev.operand(args[2])), 1) : 1;
    if (isError(mode)) return mode;
    const i = position(needle, list, Math.sign(mode), true);
    return i < 0 ? NOT_FOUND() : i + 1;
  },
  INDEX: (args, ev) => {
    if (args.length < 2 || args.length > 3) return argCountError("INDEX");
    const m = matrixArgument(args[0], ev);
    if (isError(m)) return m;
    const a = intArg(scalarOf(ev.operand(args[1])), 0);
    const b = args[2] ? intArg(scalarOf(ev.operand(args[2])), 0) : undefined;
    if (isError(a)) return a;
    if (isError(b)) return b;
    // With one index, a single row or column is indexed along its length; a block gives a whole row.
    let r: number;
    let c: number;
    if (b !== undefined) [r, c] = [a, b];
    else if (m.length === 1) [r, c] = [1, a];
    else if (m[0].length === 1) [r, c] = [a, 1];
    else [r, c] = [a, 0];
    if (r < 0 || c < 0 || r > m.length || c > m[0].length) return new CellError("#REF!");
    if (r === 0 && c === 0) return m;
    if (r === 0) return m.map((row) => [row[c - 1]]);
    if (c === 0) return [m[r - 1]];
    return m[r - 1][c - 1];
  },
  VLOOKUP: (args, ev) => {
    if (args.length < 3 || args.length > 4) return argCountError("VLOOKUP");
    const needle = scalarOf(ev.operand(args[0]));
    if (isError(needle)) return needle;
    const table = matrixArgument(args[1], ev);
    if (isError(table)) return table;
    const col = intArg(scalarOf(ev.operand(args[2])), 1);
    if (isError(col)) return col;
    if (col < 1) return new CellError("#VALUE!");
    if (col > (table[0]?.length ?? 0)) return new CellError("#REF!");
    const approximate =
      args[3] && args[3].kind !== "missing" ? toBoolean(scalarOf(ev.operand(args[3]))) : true;
    if (isError(approximate)) return approximate;
    const i = position(
      needle,
      table.map((row) => row[0]),
      approximate ? 1 : 0,
      true,
    );
    if (i < 0) return NOT_FOUND();
    return table[i][col - 1] ?? 0;
  },
  XLOOKUP: (args, ev) => {
    if (args.length < 3 || args.length > 6) return argCountError("XLOOKUP");
    const needle = scalarOf(ev.operand(args[0]));
    if (isError(needle)) return needle;
    const lookup = matrixArgument(args[1], ev);
    const results = matrixArgument(args[2], ev);
    if (isError(lookup)) return lookup;
    if (isError(results)) return results;
    const list = vector(lookup);
    if (!list) return new CellError("#VALUE!");
    const mode = args[4] && args[4].kind !== "missing" ? intArg(scalarOf(ev.operand(args[4])), 0) : 0;
    const search = args[5] && args[5].kind !== "missing" ? intArg(scalarOf(ev.operand(args[5])), 1) : 1;
    if (isError(mode)) return mode;
    if (isError(search)) return search;
    const i = position(needle, list, mode === 2 ? 0 : mode, mode === 2, search < 0);
    if (i < 0) {
      return args[3] && args[3].kind !== "missing" ? ev.operand(args[3]) : NOT_FOUND();
    }
    const byRows = lookup.length > 1 || (lookup.length === 1 && lookup[0].length === 1);
    if (byRows) {
      if (results.length !== list.length) return new CellError("#VALUE!");
      return results[0].length === 1 ? results[i][0] : [results[i]];
    }
    if (results[0].length !== list.length) return new CellError("#VALUE!");
    return results.length === 1 ? results[0][i] : results.map((row) => [row[i]]);
  },
  COUNTIF: (args, ev) => {
    if (args.length !== 2) return argCountError("COUNTIF");
    const m = matrixArgument(args[0], ev);
    if (isError(m)) return m;
    const test = criterion(scalarOf(ev.operand(args[1])));
    let n = 0;
    for (const row of m) for (const v of row) if (test(v)) n++;
    return n;
  },
  SUMIF: (args, ev) => {
    if (args.length < 2 || args.length > 3) return argCountError("SUMIF");
    const m = matrixArgument(args[0], ev);
    if (isError(m)) return m;
    const sums = args[2] ? matrixArgument(args[2], ev) : m;
    if (isError(sums)) return sums;
    const test = criterion(scalarOf(ev.operand(args[1])));
    let total = 0;
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        const s = sums[i]?.[j];
        if (test(v) && typeof s === "number") total += s;
      }),
    );
    return total;
  },
};
