/* The built-in worksheet functions the workbench supports. Each gets its argument nodes unevaluated
   so IF/IFERROR evaluate lazily and ROW/COLUMN read addresses rather than values. */
import { format as formatNumber } from "numfmt";
import { CellError, type Scalar } from "../model/types";
import type { FormulaNode } from "./ast";
import type { Evaluator } from "./evaluate";
import {
  argCountError,
  flatten,
  intArg,
  scalarFunction,
  textFunction,
  type Builtin,
} from "./functionHelpers";
import { lift } from "./lift";
import { LOOKUP_FUNCTIONS } from "./lookupFunctions";
import { TEXT_AND_MATH_FUNCTIONS } from "./textFunctions";
import { RangeRef, isError, toBoolean, toNumber, toText, type Matrix } from "./values";

export type { Builtin };

/** Numbers of the arguments as SUM and friends take them: text and logicals in ranges are skipped. */
function numbers(args: FormulaNode[], ev: Evaluator): number[] | CellError {
  const out: number[] = [];
  let error: CellError | undefined;
  flatten(args, ev, (v, fromRange) => {
    if (error) return;
    if (isError(v)) error = v;
    else if (typeof v === "number") out.push(v);
    else if (!fromRange && v !== null) {
      const n = toNumber(v);
      if (isError(n)) error = n;
      else out.push(n);
    }
  });
  return error ?? out;
}

function aggregate(name: string, fn: (ns: number[]) => Scalar): Builtin {
  return (args, ev) => {
    if (args.length < 1) return argCountError(name);
    const ns = numbers(args, ev);
    return isError(ns) ? ns : fn(ns);
  };
}

function concatAll(args: FormulaNode[], ev: Evaluator): Scalar {
  let out = "";
  let error: CellError | undefined;
  flatten(args, ev, (v) => {
    if (error) return;
    const t = toText(v);
    if (isError(t)) error = t;
    else out += t;
  });
  if (error) return error;
  return out.length > 32767 ? new CellError("#VALUE!", "Text longer than 32,767 characters") : out;
}

function refOf(node: FormulaNode | undefined, ev: Evaluator): RangeRef | CellError | undefined {
  if (!node) return undefined;
  const v = ev.evaluate(node);
  return v instanceof RangeRef ? v : isError(v) ? v : new CellError("#VALUE!");
}

function sequence(args: Scalar[]): Scalar | Matrix {
  const [rows, cols = 1, start = 1, step = 1] = args.map((a) => (a === null ? undefined : toNumber(a)));
  for (const n of [rows, cols, start, step]) if (isError(n)) return n as CellError;
  const r = Math.trunc(rows as number);
  const c = Math.trunc((cols as number) ?? 1);
  if (!(r >= 1 && c >= 1)) return new CellError("#CALC!");
  const out: Matrix = [];
  for (let i = 0; i < r; i++) {
    const line: Scalar[] = [];
    for (let j = 0; j < c; j++) line.push((start as number) + (i * c + j) * (step as number));
    out.push(line);
  }
  return out;
}

export const BUILTINS: Record<string, Builtin> = {
  ...LOOKUP_FUNCTIONS,
  ...TEXT_AND_MATH_FUNCTIONS,
  IF: (args, ev) => {
    if (args.length < 2 || args.length > 3) return argCountError("IF");
    const condition = ev.operand(args[0]);
    const pick = (c: Scalar): Scalar | Matrix => {
      const b = toBoolean(c);
      if (isError(b)) return b;
      if (b) return args[1].kind === "missing" ? 0 : ev.operand(args[1]);
      if (args.length < 3) return false;
      return args[2].kind === "missing" ? 0 : ev.operand(args[2]);
    };
    if (!Array.isArray(condition)) return pick(condition);
    return lift([condition], ([c]) => {
      const v = pick(c);
      return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
    });
  },
  IFERROR: (args, ev) => {
    if (args.length !== 2) return argCountError("IFERROR");
    const v = ev.operand(args[0]);
    if (!Array.isArray(v)) return isError(v) ? ev.operand(args[1]) : v;
    const fallback = ev.operand(args[1]);
    return lift([v, fallback], ([x, f]) => (isError(x) ? f : x));
  },
  IFNA: (args, ev) => {
    if (args.length !== 2) return argCountError("IFNA");
    const v = ev.operand(args[0]);
    const isNa = (x: Scalar) => isError(x) && x.code === "#N/A";
    if (!Array.isArray(v)) return isNa(v) ? ev.operand(args[1]) : v;
    const fallback = ev.operand(args[1]);
    return lift([v, fallback], ([x, f]) => (isNa(x) ? f : x));
  },
  NOT: scalarFunction("NOT", 1, 1, ([v]) => {
    const b = toBoolean(v);
    return isError(b) ? b : !b;
  }),
  AND: (args, ev) => logical(args, ev, (bs) => bs.every(Boolean)),
  OR: (args, ev) => logical(args, ev, (bs) => bs.some(Boolean)),
  ISBLANK: scalarFunction("ISBLANK", 1, 1, ([v]) => v === null),
  ISERROR: scalarFunction("ISERROR", 1, 1, ([v]) => isError(v)),
  ISNA: scalarFunction("ISNA", 1, 1, ([v]) => isError(v) && v.code === "#N/A"),
  ISNUMBER: scalarFunction("ISNUMBER", 1, 1, ([v]) => typeof v === "number"),
  ISTEXT: scalarFunction("ISTEXT", 1, 1, ([v]) => typeof v === "string"),
  NA: () => new CellError("#N/A"),
  TRUE: () => true,
  FALSE: () => false,
  TEXT: scalarFunction("TEXT", 2, 2, ([value, pattern]) => {
    const fmt = toText(pattern);
    if (isError(fmt)) return fmt;
    if (isError(value)) return value;
    let v: Scalar = value;
    if (typeof v === "string") {
      const n = toNumber(v);
      if (!isError(n)) v = n;
    }
    try {
      return formatNumber(fmt, v === null ? 0 : (v as number | string | boolean));
    } catch {
      return new CellError("#VALUE!", `Bad format ${fmt}`);
    }
  }),
  CONCAT: (args, ev) => (args.length ? concatAll(args, ev) : argCountError("CONCAT")),
  CONCATENATE: scalarFunction("CONCATENATE", 1, 255, (vs) => {
    let out = "";
    for (const v of vs) {
      const t = toText(v);
      if (isError(t)) return t;
      out += t;
    }
    return out;
  }),
  TEXTJOIN: (args, ev) => {
    if (args.length < 3) return argCountError("TEXTJOIN");
    const delimiter = toText(ev.operand(args[0]) as Scalar);
    const ignoreEmpty = toBoolean(ev.operand(args[1]) as Scalar);
    if (isError(delimiter)) return delimiter;
    if (isError(ignoreEmpty)) return ignoreEmpty;
    const parts: string[] = [];
    let error: CellError | undefined;
    flatten(args.slice(2), ev, (v) => {
      const t = toText(v);
      if (isError(t)) error ??= t;
      else if (!(ignoreEmpty && t === "")) parts.push(t);
    });
    return error ?? parts.join(delimiter);
  },
  LEN: textFunction("LEN", 1, 1, (t) => t.length),
  UPPER: textFunction("UPPER", 1, 1, (t) => t.toUpperCase()),
  LOWER: textFunction("LOWER", 1, 1, (t) => t.toLowerCase()),
  TRIM: textFunction("TRIM", 1, 1, (t) => t.trim().replace(/ {2,}/g, " ")),
  LEFT: textFunction("LEFT", 1, 2, (t, [n]) => {
    const count = intArg(n, 1);
    return isError(count) ? count : count < 0 ? new CellError("#VALUE!") : t.slice(0, count);
  }),
  RIGHT: textFunction("RIGHT", 1, 2, (t, [n]) => {
    const count = intArg(n, 1);
    return isError(count) ? count : count < 0 ? new CellError("#VALUE!") : count === 0 ? "" : t.slice(-count);
  }),
  MID: textFunction("MID", 3, 3, (t, [s, n]) => {
    const start = intArg(s, 1);
    const count = intArg(n, 0);
    if (isError(start)) return start;
    if (isError(count)) return count;
    if (start < 1 || count < 0) return new CellError("#VALUE!");
    return t.substr(start - 1, count);
  }),
  VALUE: scalarFunction("VALUE", 1, 1, ([v]) =>
    typeof v === "boolean" ? new CellError("#VALUE!") : toNumber(v),
  ),
  ROW: (args, ev) => {
    if (args.length > 1) return argCountError("ROW");
    const ref = refOf(args[0], ev);
    if (isError(ref)) return ref;
    if (!ref) return ev.cell.row + 1;
    if (ref.rect.rowCount === 1) return ref.rect.row + 1;
    return Array.from({ length: ref.rect.rowCount }, (_, i) => [ref.rect.row + i + 1]);
  },
  COLUMN: (args, ev) => {
    if (args.length > 1) return argCountError("COLUMN");
    const ref = refOf(args[0], ev);
    if (isError(ref)) return ref;
    if (!ref) return ev.cell.col + 1;
    if (ref.rect.colCount === 1) return ref.rect.col + 1;
    return [Array.from({ length: ref.rect.colCount }, (_, j) => ref.rect.col + j + 1)];
  },
  ROWS: (args, ev) => dimension(args, ev, "rows"),
  COLUMNS: (args, ev) => dimension(args, ev, "cols"),
  SUM: aggregate("SUM", (ns) => ns.reduce((a, b) => a + b, 0)),
  MIN: aggregate("MIN", (ns) => (ns.length ? Math.min(...ns) : 0)),
  MAX: aggregate("MAX", (ns) => (ns.length ? Math.max(...ns) : 0)),
  AVERAGE: aggregate("AVERAGE", (ns) =>
    ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : new CellError("#DIV/0!"),
  ),
  COUNT: (args, ev) => {
    let n = 0;
    flatten(args, ev, (v, fromRange) => {
      if (typeof v === "number" || (!fromRange && v !== null && !isError(toNumber(v)))) n++;
    });
    return n;
  },
  COUNTA: (args, ev) => {
    let n = 0;
    flatten(args, ev, (v) => {
      if (v !== null) n++;
    });
    return n;
  },
  ABS: scalarFunction("ABS", 1, 1, ([v]) => {
    const n = toNumber(v);
    return isError(n) ? n : Math.abs(n);
  }),
  ROUND: scalarFunction("ROUND", 2, 2, ([v, d]) => {
    const n = toNumber(v);
    const digits = intArg(d, 0);
    if (isError(n)) return n;
    if (isError(digits)) return digits;
    const factor = Math.pow(10, digits);
    return (Math.sign(n) * Math.round(Math.abs(n) * factor + 1e-9)) / factor;
  }),
  DATE: scalarFunction("DATE", 3, 3, (vs) => {
    const [y, m, d] = vs.map((v) => toNumber(v));
    for (const n of [y, m, d]) if (isError(n)) return n as CellError;
    const year = (y as number) < 1900 ? (y as number) + 1900 : (y as number);
    const ms = Date.UTC(year, (m as number) - 1, d as number);
    return Math.round(ms / 86_400_000) + 25569;
  }),
  SEQUENCE: (args, ev) => {
    if (args.length < 1 || args.length > 4) return argCountError("SEQUENCE");
    return sequence(
      args.map((a) => {
        const v = a.kind === "missing" ? null : ev.operand(a);
        return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
      }),
    );
  },
  TRANSPOSE: (args, ev) => {
    if (args.length !== 1) return argCountError("TRANSPOSE");
    const v = ev.operand(args[0]);
    if (!Array.isArray(v)) return v;
    return v[0].map((_, j) => v.map((row) => row[j]));
  },
  N: scalarFunction("N", 1, 1, ([v]) => (typeof v === "number" ? v : v === true ? 1 : isError(v) ? v : 0)),
  T: scalarFunction("T", 1, 1, ([v]) => (typeof v === "string" ? v : isError(v) ? v : "")),
};

function logical(args: FormulaNode[], ev: Evaluator, combine: (bs: boolean[]) => boolean): Scalar {
  const bs: boolean[] = [];
  let error: CellError | undefined;
  flatten(args, ev, (v, fromRange) => {
    if (error) return;
    if (isError(v)) error = v;
    else if (fromRange && (v === null || typeof v === "string")) return;
    else {
      const b = toBoolean(v);
      if (isError(b)) error = b;
      else bs.push(b);
    }
  });
  if (error) return error;
  return bs.length ? combine(bs) : new CellError("#VALUE!");
}

function dimension(args: FormulaNode[], ev: Evaluator, which: "rows" | "cols"): Scalar {
  if (args.length !== 1) return argCountError(which === "rows" ? "ROWS" : "COLUMNS");
  const v = ev.evaluate(args[0]);
  if (v instanceof RangeRef) return which === "rows" ? v.rect.rowCount : v.rect.colCount;
  if (Array.isArray(v)) return which === "rows" ? v.length : v[0].length;
  return isError(v) ? v : 1;
}
