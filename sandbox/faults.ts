/**
 * Fault injection. Spec syntax (the --faults flag and the `faults` option), comma-separated key=value:
 *   429=<rule>     answer 429 Too Many Requests with Retry-After: 1 before doing anything (nothing
 *                  applied), as a gateway in front of Halo does when it sheds load
 *   500=<rule>     answer 500 before doing anything (nothing applied)
 *   503=<rule>     answer 503 before doing anything (nothing applied)
 *   reset=<rule>   do the work (a POST commits), then destroy the connection without an answer
 *   502=<rule>     do the work (a POST commits), then answer 502 Bad Gateway
 *   slow=<rule>    delay the answer by slowms (default 5000) milliseconds
 *   slowms=<ms>    delay used by `slow`
 *   poison=<text>  any POST whose body holds this exact string value fails whole with 400
 *   methods=<list> which methods 500/503/reset/502/slow apply to, e.g. POST or GET+POST (default all)
 *   seed=<n>       seed of the fault dice (default 1), so a run is repeatable
 * A <rule> is a probability 0..1 ("0.05", "1") or "<n>x" for exactly the next n eligible requests ("2x").
 * Faults apply to /api routes only (not /auth, not /__sandbox).
 */
import { SandboxOptionError } from "./optionError";
import { seededRandom, type Random } from "./random";

export type FaultKind = "429" | "500" | "503" | "reset" | "502" | "slow";
export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "503", "reset", "502", "slow"];

export interface FaultRule {
  probability: number;
  /** When set, the rule fires for exactly this many more eligible requests, then never. */
  remaining?: number;
}

export interface FaultSpec {
  rules: Partial<Record<FaultKind, FaultRule>>;
  slowMs: number;
  poison?: string;
  /** Upper-case methods the rules apply to; empty = every method. */
  methods: string[];
  seed: number;
}

export const NO_FAULTS: FaultSpec = { rules: {}, slowMs: 5000, methods: [], seed: 1 };

function parseRule(key: string, value: string): FaultRule {
  const counted = /^(\d+)x$/i.exec(value);
  if (counted) return { probability: 1, remaining: Number(counted[1]) };
  const probability = Number(value);
  if (value === "" || !Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new SandboxOptionError("--faults", `${key}=${value}: expected a probability 0..1 or <n>x`);
  }
  return { probability };
}

export function parseFaultSpec(spec: string): FaultSpec {
  const result: FaultSpec = { rules: {}, slowMs: NO_FAULTS.slowMs, methods: [], seed: NO_FAULTS.seed };
  for (const part of spec.split(",")) {
    const item = part.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    if (eq < 0) throw new SandboxOptionError("--faults", `"${item}" is not key=value`);
    const key = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    const kind = FAULT_KINDS.find((k) => k === key);
    if (kind !== undefined) {
      result.rules[kind] = parseRule(key, value);
    } else if (key === "slowms" || key === "seed") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0)
        throw new SandboxOptionError("--faults", `${key} must be a whole number`);
      if (key === "slowms") result.slowMs = n;
      else result.seed = n;
    } else if (key === "poison") {
      if (value === "") throw new SandboxOptionError("--faults", "poison needs a value");
      result.poison = value;
    } else if (key === "methods") {
      result.methods = value
        .split(/[+|/ ]/)
        .map((m) => m.trim().toUpperCase())
        .filter((m) => m !== "");
    } else {
      throw new SandboxOptionError(
        "--faults",
        `unknown key "${key}" (known: ${FAULT_KINDS.join(", ")}, slowms, poison, methods, seed)`,
      );
    }
  }
  return result;
}

/** Rolls the dice for each fault kind; counted rules ("2x") are consumed as they fire. */
export class FaultInjector {
  private spec: FaultSpec;
  private random: Random;
  readonly fired: Record<FaultKind | "poison", number> = {
    429: 0,
    500: 0,
    503: 0,
    reset: 0,
    502: 0,
    slow: 0,
    poison: 0,
  };

  constructor(spec: FaultSpec) {
    this.spec = cloneSpec(spec);
    this.random = seededRandom(spec.seed);
  }

  get current(): FaultSpec {
    return cloneSpec(this.spec);
  }

  /** Switches to another spec and restarts its dice and counters. */
  replace(spec: FaultSpec): void {
    this.spec = cloneSpec(spec);
    this.random = seededRandom(spec.seed);
    for (const key of Object.keys(this.fired) as (keyof typeof this.fired)[]) this.fired[key] = 0;
  }

  get slowMs(): number {
    return this.spec.slowMs;
  }

  /** Whether fault `kind` hits this request. */
  roll(kind: FaultKind, method: string): boolean {
    const rule = this.spec.rules[kind];
    if (rule === undefined) return false;
    if (this.spec.methods.length > 0 && !this.spec.methods.includes(method.toUpperCase())) return false;
    if (rule.remaining !== undefined) {
      if (rule.remaining <= 0) return false;
      rule.remaining -= 1;
      this.fired[kind] += 1;
      return true;
    }
    const hit = rule.probability > 0 && this.random() < rule.probability;
    if (hit) this.fired[kind] += 1;
    return hit;
  }

  /** Whether a posted JSON value holds the poison string anywhere. */
  isPoisoned(value: unknown): boolean {
    const poison = this.spec.poison;
    if (poison === undefined) return false;
    const hit = containsString(value, poison);
    if (hit) this.fired.poison += 1;
    return hit;
  }
}

function containsString(value: unknown, wanted: string): boolean {
  if (typeof value === "string") return value === wanted;
  if (Array.isArray(value)) return value.some((v) => containsString(v, wanted));
  if (value !== null && typeof value === "object") {
    return Object.values(value).some((v) => containsString(v, wanted));
  }
  return false;
}

function cloneSpec(spec: FaultSpec): FaultSpec {
  const rules: FaultSpec["rules"] = {};
  for (const kind of FAULT_KINDS) {
    const rule = spec.rules[kind];
    if (rule !== undefined) rules[kind] = { ...rule };
  }
  return { ...spec, rules, methods: [...spec.methods] };
}
