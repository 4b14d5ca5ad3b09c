/**
 * The command line: `halosheet pull|push ...` (also `npm run cli -- ...`). Parses arguments, runs the
 * command and turns every failure into a clear stderr line and an exit code (0, 1 or 2).
 */
import { systemClock, type Clock, type FetchFn } from "../halo";
import { haloClientPort } from "../bulk";
import { parseCliArgs } from "./args";
import { CliError, errorLine, EXIT_OK, EXIT_USAGE_OR_CONNECTION } from "./cliErrors";
import { connect } from "./connect";
import { pull } from "./pull";
import { push } from "./push";
import { promptHidden, SECRET_ON_COMMAND_LINE_WARNING, withPromptedSecret } from "./secretPrompt";
import { USAGE } from "./usage";

export interface CliEnvironment {
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  clock?: Clock;
  fetch?: FetchFn;
  /**
   * Calls `handler` on the first Ctrl+C or SIGTERM (a second one stops the process); returns a
   * function that stops listening.
   */
  onInterrupt?(handler: () => void): () => void;
  /** Asks for the client secret without echoing it; only when stdin is a terminal. */
  promptSecret?(question: string): Promise<string>;
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

export function processEnvironment(): CliEnvironment {
  return {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    onInterrupt: (handler) => {
      // The first signal of either kind is handled once; the next one finds no listener and stops the process.
      const stop = (): void => STOP_SIGNALS.forEach((signal) => process.off(signal, first));
      const first = (): void => {
        stop();
        handler();
      };
      STOP_SIGNALS.forEach((signal) => process.on(signal, first));
      return stop;
    },
    ...(process.stdin.isTTY
      ? {
          promptSecret: (question: string) =>
            promptHidden(question, process.stdin, (t) => process.stderr.write(t)),
        }
      : {}),
  };
}

export async function runCli(
  argv: readonly string[],
  environment: CliEnvironment = processEnvironment(),
): Promise<number> {
  const { stderr } = environment;
  const connectOptions = {
    stderr,
    ...(environment.clock ? { clock: environment.clock } : {}),
    ...(environment.fetch ? { fetch: environment.fetch } : {}),
  };
  try {
    const env = await withPromptedSecret(argv, environment.env, environment.promptSecret);
    const args = parseCliArgs(argv, env);
    if (args.command === "help") {
      environment.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (args.connection.secretOnCommandLine) stderr(SECRET_ON_COMMAND_LINE_WARNING);
    if (args.command === "pull")
      return await pull(args, { connect: (c) => connect(c, connectOptions), stderr });
    return await push(args, {
      connect: async (c) => haloClientPort(await connect(c, connectOptions)),
      clock: environment.clock ?? systemClock,
      stderr,
      ...(environment.onInterrupt ? { onInterrupt: environment.onInterrupt } : {}),
    });
  } catch (error) {
    stderr(`${errorLine(error)}\n`);
    if (error instanceof CliError && error.kind === "Usage") stderr(`Run "halosheet --help" for usage.\n`);
    return EXIT_USAGE_OR_CONNECTION;
  }
}
