/**
 * CSV injection (OWASP "CSV Injection"): a pulled value such as =HYPERLINK(...) or +cmd|... would run
 * as a formula when the CSV is opened in Excel. Such text is written with a leading ' (Excel shows
 * it as text), and the ' is taken off again when the CSV is pushed, so Halo gets the exact value.
 * Values that already start with quotes before a formula character get one more, so the round trip
 * is exact for every text.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The value as it goes into a CSV cell; only text is touched. */
export function neutraliseFormula<T>(value: T): T | string {
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value a neutralised CSV cell stands for. */
export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
