/**
 * Sandbox options: the CLI flags (parseArgs) and startSandbox's input resolve to one SandboxConfig.
 * Every option has the CLI's default, so `startSandbox({ port: 0 })` is a demo instance on a free port.
 */
import { DEFAULT_CORS_ORIGINS } from "./cors";
import { NO_FAULTS, parseFaultSpec, type FaultSpec } from "./faults";
import { SandboxOptionError } from "./optionError";
import type { RateLimit, RetryAfterMode } from "./rateLimit";

export interface SandboxOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  clientId?: string;
  clientSecret?: string;
  /** Demo data scale and PRNG seed (default 1 = 250 clients...; 0 = reference data only). */
  seed?: number;
  /** "300/300" (requests/seconds), 0 or "0" = off, or an object. Default 300 per 300 s. */
  rateLimit?: string | number | RateLimit | null;
  /** How a 429 says when to retry: "seconds" (default), "date" or "none" (no Retry-After header). */
  retryAfter?: RetryAfterMode;
  /** Added to every /api answer: ms, or "min-max" for a uniform range. Default 0. */
  latency?: number | string;
  /** Fault spec text (see faults.ts) or a parsed spec. Default none. */
  faults?: string | FaultSpec;
  /** Access token lifetime in seconds. Default 3600. */
  tokenTtl?: number;
  /** Allowed browser origins: comma-separated text or a list; "*" allows any. */
  cors?: string | string[];
  /** SQLite file to load at start and save after writes; absent = in memory only. */
  data?: string;
  /** Clock for tokens, rate limit and timestamps (tests); default Date.now. */
  now?: () => number;
}

export interface SandboxConfig {
  port: number;
  host: string;
  clientId: string;
  clientSecret: string;
  seed: number;
  rateLimit: RateLimit | null;
  retryAfter: RetryAfterMode;
  latencyMs: { min: number; max: number };
  faults: FaultSpec;
  tokenTtlSeconds: number;
  corsOrigins: string[];
  dataFile?: string;
  now: () => number;
}

export const DEFAULTS = {
  port: 4010,
  host: "127.0.0.1",
  clientId: "halosheet-demo",
  clientSecret: "halosheet-demo-secret",
  seed: 1,
  rateLimit: { requests: 300, windowMs: 300_000 },
  tokenTtlSeconds: 3600,
} as const;

export function parseRateLimit(value: string | number | RateLimit | null): RateLimit | null {
  if (value === null || value === 0 || value === "0") return null;
  if (typeof value === "object") return value;
  const match = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(String(value));
  if (!match || Number(match[1]) === 0) {
    throw new SandboxOptionError(
      "--rate-limit",
      `expected <requests>/<seconds> such as 300/300, or 0 for off`,
    );
  }
  return { requests: Number(match[1]), windowMs: Math.round(Number(match[2]) * 1000) };
}

export function parseLatency(value: number | string): { min: number; max: number } {
  const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(String(value));
  if (!match) throw new SandboxOptionError("--latency", "expected milliseconds, such as 50 or 20-200");
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) throw new SandboxOptionError("--latency", "the range's maximum is below its minimum");
  return { min, max };
}

function wholeNumber(option: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new SandboxOptionError(option, `expected a whole number >= ${min}, got ${value}`);
  }
  return value;
}

function parseRetryAfter(value: string): RetryAfterMode {
  if (value === "seconds" || value === "date" || value === "none") return value;
  throw new SandboxOptionError("--retry-after", `expected seconds, date or none, got "${value}"`);
}

export function resolveOptions(options: SandboxOptions = {}): SandboxConfig {
  const cors = options.cors ?? DEFAULT_CORS_ORIGINS;
  return {
    port: wholeNumber("--port", options.port ?? DEFAULTS.port, 0),
    host: options.host ?? DEFAULTS.host,
    clientId: options.clientId ?? DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? DEFAULTS.clientSecret,
    seed: wholeNumber("--seed", options.seed ?? DEFAULTS.seed, 0),
    rateLimit:
      options.rateLimit === undefined ? { ...DEFAULTS.rateLimit } : parseRateLimit(options.rateLimit),
    retryAfter: parseRetryAfter(options.retryAfter ?? "seconds"),
    latencyMs: parseLatency(options.latency ?? 0),
    faults:
      options.faults === undefined
        ? NO_FAULTS
        : typeof options.faults === "string"
          ? parseFaultSpec(options.faults)
          : options.faults,
    tokenTtlSeconds: wholeNumber("--token-ttl", options.tokenTtl ?? DEFAULTS.tokenTtlSeconds, 1),
    corsOrigins: (typeof cors === "string" ? cors.split(",") : cors)
      .map((o) => o.trim().replace(/\/$/, ""))
      .filter((o) => o !== ""),
    dataFile: options.data,
    now: options.now ?? Date.now,
  };
}

const FLAGS = [
  "port",
  "host",
  "client-id",
  "client-secret",
  "seed",
  "rate-limit",
  "retry-after",
  "latency",
  "faults",
  "token-ttl",
  "cors",
  "data",
] as const;

export const USAGE = `Usage: npm run sandbox -- [options]
  --port <n>             port to listen on (default 4010; 0 = any free port)
  --host <addr>          address to bind (default 127.0.0.1)
  --client-id <id>       API application client id (default halosheet-demo)
  --client-secret <s>    its secret (default halosheet-demo-secret)
  --seed <n>             demo data scale and seed (default 1: 250 clients; 0: reference data only)
  --rate-limit <r>/<s>   requests per rolling window in seconds (default 300/300; 0 = off)
  --retry-after <mode>   429 Retry-After header: seconds (default), date or none
  --latency <ms|a-b>     extra delay on every /api answer
  --faults <spec>        e.g. 429=0.05,500=0.05,reset=0.02,502=0.01,slow=0.1,slowms=3000,poison=#POISON,seed=7
  --token-ttl <s>        access token lifetime (default 3600)
  --cors <origins>       comma-separated allowed origins (default http(s)://localhost:3000 and
                         http(s)://127.0.0.1:3000; * = any)
  --data <file>          SQLite file to keep the data between runs`;

function numberFlag(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new SandboxOptionError(`--${flag}`, `"${value}" is not a number`);
  return n;
}

const SETTERS: Record<(typeof FLAGS)[number], (options: SandboxOptions, value: string) => void> = {
  port: (o, v) => (o.port = numberFlag("port", v)),
  host: (o, v) => (o.host = v),
  "client-id": (o, v) => (o.clientId = v),
  "client-secret": (o, v) => (o.clientSecret = v),
  seed: (o, v) => (o.seed = numberFlag("seed", v)),
  "rate-limit": (o, v) => (o.rateLimit = v),
  "retry-after": (o, v) => (o.retryAfter = parseRetryAfter(v)),
  latency: (o, v) => (o.latency = v),
  faults: (o, v) => (o.faults = v),
  "token-ttl": (o, v) => (o.tokenTtl = numberFlag("token-ttl", v)),
  cors: (o, v) => (o.cors = v),
  data: (o, v) => (o.data = v),
};

/** Parses `--flag value` and `--flag=value` arguments. */
export function parseArgs(argv: readonly string[]): SandboxOptions {
  const options: SandboxOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const flag = FLAGS.find((f) => f === match?.[1]);
    if (!match || flag === undefined) throw new SandboxOptionError(arg, `unknown option\n${USAGE}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
      if (value === undefined) throw new SandboxOptionError(arg, "needs a value");
    }
    SETTERS[flag](options, value);
  }
  return options;
}
