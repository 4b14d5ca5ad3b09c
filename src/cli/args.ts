/** Command-line arguments for pull and push, parsed with Node's parseArgs and checked. */
import { parseArgs } from "node:util";
import { CliError } from "./cliErrors";

export interface Connection {
  url: string;
  clientId: string;
  clientSecret: string;
  /** --client-secret on the command line shows in `ps` and shell history: the caller warns. */
  secretOnCommandLine: boolean;
}

export interface PullArgs {
  command: "pull";
  connection: Connection;
  source:
    { kind: "report"; report: string } | { kind: "sql"; sql: string } | { kind: "entity"; entity: string };
  out: string;
}

export interface PushArgs {
  command: "push";
  connection: Connection;
  entity: string;
  input: string;
  /** The sheet of an .xlsx --in (default: the first visible sheet). */
  sheet?: string;
  snapshot?: string;
  /** The column of JSON payloads to send as they are (found by its JSON when not named). */
  payloadColumn?: string;
  /** --encoding: how --in and --snapshot are encoded when not UTF-8 ("windows-1252", "utf-16le"). */
  encoding?: string;
  out: string;
  batchSize?: number;
  maxBatchSize?: number;
  batchBytes?: number;
  allowCreate: boolean;
  dryRun: boolean;
  dontFireAutomations: boolean;
  verify: boolean;
}

export type CliArgs = PullArgs | PushArgs | { command: "help" };

const OPTIONS = {
  url: { type: "string" },
  "client-id": { type: "string" },
  "client-secret": { type: "string" },
  report: { type: "string" },
  sql: { type: "string" },
  entity: { type: "string" },
  in: { type: "string" },
  out: { type: "string" },
  snapshot: { type: "string" },
  "payload-column": { type: "string" },
  encoding: { type: "string" },
  sheet: { type: "string" },
  "batch-size": { type: "string" },
  "max-batch-size": { type: "string" },
  "batch-bytes": { type: "string" },
  "allow-create": { type: "boolean" },
  "dry-run": { type: "boolean" },
  "dont-fire-automations": { type: "boolean" },
  verify: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function required(values: Values, name: "url" | "client-id" | "entity" | "in" | "out"): string {
  const value = values[name];
  if (value === undefined || value.trim() === "") throw new CliError("Usage", `--${name} is required.`);
  return value;
}

function positiveInteger(
  values: Values,
  name: "batch-size" | "max-batch-size" | "batch-bytes",
): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError("Usage", `--${name} must be a whole number of 1 or more, not "${text}".`);
  return n;
}

function connection(values: Values, env: Record<string, string | undefined>): Connection {
  const clientSecret = values["client-secret"] ?? env.HALO_CLIENT_SECRET;
  if (clientSecret === undefined || clientSecret === "")
    throw new CliError("Usage", "--client-secret is required (or set HALO_CLIENT_SECRET).");
  return {
    url: required(values, "url"),
    clientId: required(values, "client-id"),
    clientSecret,
    secretOnCommandLine: values["client-secret"] !== undefined,
  };
}

function pullSource(values: Values): PullArgs["source"] {
  const given = [values.report, values.sql, values.entity].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new CliError("Usage", "pull needs exactly one of --report, --sql or --entity.");
  if (values.report !== undefined) return { kind: "report", report: values.report };
  if (values.sql !== undefined) return { kind: "sql", sql: values.sql };
  return { kind: "entity", entity: values.entity as string };
}

export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError("Usage", error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { command: "help" };
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new CliError("Usage", `unexpected argument "${extra[0]}".`);
  if (command === "pull")
    return {
      command,
      connection: connection(values, env),
      source: pullSource(values),
      out: required(values, "out"),
    };
  if (command !== "push") throw new CliError("Usage", `unknown command "${command}": use pull or push.`);
  const args: PushArgs = {
    command,
    connection: connection(values, env),
    entity: required(values, "entity"),
    input: required(values, "in"),
    out: values.out ?? "results.csv",
    allowCreate: values["allow-create"] ?? false,
    dryRun: values["dry-run"] ?? false,
    dontFireAutomations: values["dont-fire-automations"] ?? false,
    verify: values.verify ?? false,
  };
  if (values.snapshot !== undefined) args.snapshot = values.snapshot;
  if (values["payload-column"] !== undefined) args.payloadColumn = values["payload-column"];
  if (values.encoding !== undefined) args.encoding = values.encoding;
  if (values.sheet !== undefined) args.sheet = values.sheet;
  const batchSize = positiveInteger(values, "batch-size");
  const maxBatchSize = positiveInteger(values, "max-batch-size");
  const batchBytes = positiveInteger(values, "batch-bytes");
  if (batchSize !== undefined) args.batchSize = batchSize;
  if (maxBatchSize !== undefined) args.maxBatchSize = maxBatchSize;
  if (batchBytes !== undefined) args.batchBytes = batchBytes;
  return args;
}
