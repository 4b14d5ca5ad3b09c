/*
 * The formula tokenizer. Tokens keep their source position so reference tokens can be rewritten in
 * place (fill down, sheet renames) without re-printing the whole formula.
 */
import { ERROR_CODES } from "../model/types";

export type TokenKind =
  | "number"
  | "string"
  | "error"
  | "ref"
  | "function"
  | "name"
  | "operator"
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "openBrace"
  | "closeBrace"
  | "hash"
  | "space";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

const SHEET_PREFIX = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]{1,7}`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?[0-9]{1,7}`;
const REF = new RegExp(
  String.raw`(?:${SHEET_PREFIX})?(?:${CELL}(?::${CELL})?|${COL}:${COL}|${ROW}:${ROW})(?![A-Za-z0-9_.(!])`,
  "y",
);
const FUNCTION = /[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/y;
const NAME = /[A-Za-z_\\][A-Za-z0-9_.?\\]*/y;
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%"];

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m ? m[0] : undefined;
}

/** Splits a formula body (without the leading "=") into tokens; throws FormulaSyntaxError. */
export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, text: string) => {
    tokens.push({ kind, text, start: i, end: i + text.length });
    i += text.length;
  };
  while (i < body.length) {
    const ch = body[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      let j = i;
      while (j < body.length && /\s/.test(body[j])) j++;
      push("space", body.slice(i, j));
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= body.length) throw new FormulaSyntaxError("Unterminated text", i);
        if (body[j] === '"') {
          if (body[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      push("string", body.slice(i, j + 1));
      continue;
    }
    if (ch === "#") {
      const error = ERROR_CODES.find((code) => body.slice(i, i + code.length).toUpperCase() === code);
      if (error) {
        push("error", body.slice(i, i + error.length));
        continue;
      }
      push("hash", "#");
      continue;
    }
    if (ch === "'" || /[A-Za-z_$0-9\u00C0-\uFFFF]/.test(ch)) {
      const ref = matchAt(REF, body, i);
      if (ref) {
        push("ref", ref);
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const num = matchAt(NUMBER, body, i);
      if (num) {
        push("number", num);
        continue;
      }
    }
    const fn = matchAt(FUNCTION, body, i);
    if (fn) {
      push("function", fn);
      continue;
    }
    const name = matchAt(NAME, body, i);
    if (name) {
      push("name", name);
      continue;
    }
    const op = OPERATORS.find((o) => body.startsWith(o, i));
    if (op) {
      push("operator", op);
      continue;
    }
    if (ch === "(") push("open", ch);
    else if (ch === ")") push("close", ch);
    else if (ch === ",") push("comma", ch);
    else if (ch === ";") push("semicolon", ch);
    else if (ch === "{") push("openBrace", ch);
    else if (ch === "}") push("closeBrace", ch);
    else throw new FormulaSyntaxError(`Unexpected character ${ch}`, i);
  }
  return tokens;
}
