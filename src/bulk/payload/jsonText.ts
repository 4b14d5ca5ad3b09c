/**
 * JSON text from payload cells (built by formulas, as in the Postman guide, or by =HALO.PAYLOAD).
 * JSON.parse does the work; only when it fails is the text re-scanned to say where, in words that
 * are the same in every browser (each engine words JSON.parse errors differently).
 */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

const EXPLANATIONS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "bad number",
  PropertyNameExpected: 'expected a "quoted" property name',
  ValueExpected: "expected a value",
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' (or a closing bracket)",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: "unexpected text after the end",
  InvalidCommentToken: "comments are not allowed",
  UnexpectedEndOfComment: "comments are not allowed",
  UnexpectedEndOfString: "text not closed with '\"'",
  UnexpectedEndOfNumber: "bad number",
  InvalidUnicode: "bad \\u escape",
  InvalidEscapeCharacter: "bad \\ escape",
  InvalidCharacter: "control character in text (use \\n, \\t)",
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Parses JSON text; on failure the message names the position (0-based character offset) and line/column. */
export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first === undefined) return { ok: false, message: `not valid JSON (${(error as Error).message})` };
    const { line, column } = lineAndColumn(text, first.offset);
    const what = EXPLANATIONS[printParseErrorCode(first.error)] ?? "not valid JSON";
    const where = line > 1 ? `line ${line}, column ${column}` : `column ${column}`;
    return { ok: false, message: `not valid JSON at position ${first.offset} (${where}): ${what}` };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
