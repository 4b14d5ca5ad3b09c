/* More text, math and date functions: SUBSTITUTE, FIND, SEARCH, EXACT, REPT, INT, MOD, TODAY, NOW. */
import { CellError, type Scalar } from "../model/types";
import { wildcardPattern } from "./criteria";
import { argCountError, intArg, scalarFunction, textFunction, type Builtin } from "./functionHelpers";
import { isError, toNumber, toText } from "./values";

/** Excel's serial number for a local date and time (days since 1899-12-30). */
export function serialNow(now = new Date()): number {
  const utc = Date.UTC(
    now.getFullYear(),
    now.getMonth(),
    now.getDate(),
    now.getHours(),
    now.getMinutes(),
    now.getSeconds(),
    now.getMilliseconds(),
  );
  return utc / 86_400_000 + 25569;
}

/** Functions that change without their inputs changing: recalculated on every recalculation. */
export const VOLATILE_FUNCTIONS = new Set(["TODAY", "NOW", "RAND"]);

export const TEXT_AND_MATH_FUNCTIONS: Record<string, Builtin> = {
  SUBSTITUTE: textFunction("SUBSTITUTE", 3, 4, (text, [oldValue, newValue, instance]) => {
    const from = toText(oldValue);
    const to = toText(newValue);
    if (isError(from)) return from;
    if (isError(to)) return to;
    if (from === "") return text;
    if (instance === undefined) return text.split(from).join(to);
    const n = intArg(instance, 1);
    if (isError(n)) return n;
    if (n < 1) return new CellError("#VALUE!");
    let at = -1;
    for (let k = 0; k < n; k++) {
      at = text.indexOf(from, at + 1);
      if (at < 0) return text;
    }
    return text.slice(0, at) + to + text.slice(at + from.length);
  }),
  FIND: scalarFunction("FIND", 2, 3, ([needle, haystack, start]) => findText(needle, haystack, start, false)),
  SEARCH: scalarFunction("SEARCH", 2, 3, ([needle, haystack, start]) =>
    findText(needle, haystack, start, true),
  ),
  EXACT: scalarFunction("EXACT", 2, 2, ([a, b]) => {
    const ta = toText(a);
    const tb = toText(b);
    if (isError(ta)) return ta;
    if (isError(tb)) return tb;
    return ta === tb;
  }),
  REPT: textFunction("REPT", 2, 2, (text, [times]) => {
    const n = intArg(times, 0);
    if (isError(n)) return n;
    if (n < 0 || text.length * n > 32767) return new CellError("#VALUE!");
    return text.repeat(n);
  }),
  INT: scalarFunction("INT", 1, 1, ([v]) => {
    const n = toNumber(v);
    return isError(n) ? n : Math.floor(n);
  }),
  MOD: scalarFunction("MOD", 2, 2, ([a, b]) => {
    const n = toNumber(a);
    const d = toNumber(b);
    if (isError(n)) return n;
    if (isError(d)) return d;
    if (d === 0) return new CellError("#DIV/0!");
    return n - d * Math.floor(n / d);
  }),
  TODAY: (args) => (args.length ? argCountError("TODAY") : Math.floor(serialNow())),
  NOW: (args) => (args.length ? argCountError("NOW") : serialNow()),
  RAND: (args) => (args.length ? argCountError("RAND") : Math.random()),
};

function findText(
  needle: Scalar,
  haystack: Scalar,
  start: Scalar | undefined,
  caseInsensitive: boolean,
): Scalar {
  const n = toText(needle);
  const h = toText(haystack);
  if (isError(n)) return n;
  if (isError(h)) return h;
  const from = start === undefined ? 1 : intArg(start, 1);
  if (isError(from)) return from;
  if (from < 1 || from > h.length + 1) return new CellError("#VALUE!");
  if (caseInsensitive) {
    const pattern = wildcardPattern(n);
    if (pattern) {
      const loose = new RegExp(pattern.source.slice(1, -1), "is");
      const m = loose.exec(h.slice(from - 1));
      return m ? m.index + from : new CellError("#VALUE!");
    }
    const at = h.toLowerCase().indexOf(n.toLowerCase(), from - 1);
    return at < 0 ? new CellError("#VALUE!") : at + 1;
  }
  const at = h.indexOf(n, from - 1);
  return at < 0 ? new CellError("#VALUE!") : at + 1;
}
