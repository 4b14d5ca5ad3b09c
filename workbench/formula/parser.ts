/* Recursive-descent parser for the formula grammar the workbench supports, with Excel's precedence:
   negation > % > ^ > * / > + - > & > comparisons. */
import { parseAddress } from "../model/address";
import type { ErrorCode } from "../model/types";
import type { BinaryOperator, FormulaNode } from "./ast";
import { FormulaSyntaxError, tokenize, type Token } from "./tokens";

const COMPARISONS = new Set(["=", "<>", "<", ">", "<=", ">="]);

/** Parses a formula ("=A1+1" or "A1+1"); throws FormulaSyntaxError. */
export function parseFormula(formula: string): FormulaNode {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens = tokenize(body).filter((t) => t.kind !== "space");
  const parser = new Parser(tokens);
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaSyntaxError("Unexpected end of formula", this.endPosition());
    return t;
  }

  private endPosition(): number {
    return this.tokens.length ? this.tokens[this.tokens.length - 1].end : 0;
  }

  private isOperator(...ops: string[]): boolean {
    const t = this.peek();
    return t?.kind === "operator" && ops.includes(t.text);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t) throw new FormulaSyntaxError(`Unexpected ${t.text}`, t.start);
  }

  expression(): FormulaNode {
    let left = this.concat();
    while (this.peek()?.kind === "operator" && COMPARISONS.has(this.peek()!.text)) {
      const op = this.next().text as BinaryOperator;
      left = { kind: "binary", op, left, right: this.concat() };
    }
    return left;
  }

  private concat(): FormulaNode {
    let left = this.additive();
    while (this.isOperator("&")) {
      this.next();
      left = { kind: "binary", op: "&", left, right: this.additive() };
    }
    return left;
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    while (this.isOperator("+", "-")) {
      const op = this.next().text as BinaryOperator;
      left = { kind: "binary", op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): FormulaNode {
    let left = this.power();
    while (this.isOperator("*", "/")) {
      const op = this.next().text as BinaryOperator;
      left = { kind: "binary", op, left, right: this.power() };
    }
    return left;
  }

  private power(): FormulaNode {
    let left = this.unary();
    while (this.isOperator("^")) {
      this.next();
      left = { kind: "binary", op: "^", left, right: this.unary() };
    }
    return left;
  }

  private unary(): FormulaNode {
    if (this.isOperator("-", "+")) {
      const op = this.next().text as "-" | "+";
      return { kind: "unary", op, operand: this.unary() };
    }
    let node = this.primary();
    while (this.isOperator("%")) {
      this.next();
      node = { kind: "unary", op: "%", operand: node };
    }
    return node;
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { kind: "number", value: Number(t.text) };
      case "string":
        return { kind: "string", value: t.text.slice(1, -1).replace(/""/g, '"') };
      case "error":
        return { kind: "error", code: t.text.toUpperCase() as ErrorCode };
      case "ref":
        return this.reference(t);
      case "name": {
        const upper = t.text.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "boolean", value: upper === "TRUE" };
        // Defined names are not supported: Excel shows #NAME? for an unknown name.
        return { kind: "error", code: "#NAME?" };
      }
      case "function":
        return this.call(t);
      case "open": {
        const inner = this.expression();
        const close = this.next();
        if (close.kind !== "close") throw new FormulaSyntaxError("Expected )", close.start);
        return inner;
      }
      case "openBrace":
        return this.arrayConstant();
      default:
        throw new FormulaSyntaxError(`Unexpected ${t.text}`, t.start);
    }
  }

  private reference(t: Token): FormulaNode {
    const parsed = parseAddress(t.text);
    if (!parsed) throw new FormulaSyntaxError(`Bad reference ${t.text}`, t.start);
    let spill = false;
    if (this.peek()?.kind === "hash") {
      this.next();
      spill = true;
    }
    return parsed.sheetName === undefined
      ? { kind: "ref", rect: parsed.rect, spill }
      : { kind: "ref", sheetName: parsed.sheetName, rect: parsed.rect, spill };
  }

  private call(t: Token): FormulaNode {
    const name = t.text.toUpperCase().replace(/^_XLFN\./, "");
    this.next(); // "("
    const args: FormulaNode[] = [];
    if (this.peek()?.kind === "close") {
      this.next();
      return { kind: "call", name, args };
    }
    for (;;) {
      const p = this.peek();
      if (p?.kind === "comma" || p?.kind === "close") args.push({ kind: "missing" });
      else args.push(this.expression());
      const sep = this.next();
      if (sep.kind === "close") break;
      if (sep.kind !== "comma")
        throw new FormulaSyntaxError(`Expected , or ) but found ${sep.text}`, sep.start);
    }
    return { kind: "call", name, args };
  }

  private arrayConstant(): FormulaNode {
    const rows: FormulaNode[][] = [[]];
    for (;;) {
      let item = this.unary();
      if (item.kind === "unary" && item.op === "-" && item.operand.kind === "number") {
        item = { kind: "number", value: -item.operand.value };
      }
      if (!["number", "string", "boolean", "error"].includes(item.kind)) {
        throw new FormulaSyntaxError("Array constants hold only constants", this.peek()?.start ?? 0);
      }
      rows[rows.length - 1].push(item);
      const sep = this.next();
      if (sep.kind === "closeBrace") break;
      if (sep.kind === "semicolon") rows.push([]);
      else if (sep.kind !== "comma") throw new FormulaSyntaxError("Expected , ; or }", sep.start);
    }
    if (rows.some((r) => r.length !== rows[0].length)) {
      throw new FormulaSyntaxError("Array constant rows differ in length", 0);
    }
    return { kind: "array", rows };
  }
}
