/**
 * The client secret asked for on the terminal, not echoed: safer than --client-secret, which shows
 * in `ps`, shell history and npm's log. Only when stdin is a terminal; scripts set HALO_CLIENT_SECRET.
 */
import { CliError } from "./cliErrors";

/** The part of a TTY stream the prompt uses (a fake in tests). */
export interface TerminalInput {
  setRawMode(raw: boolean): unknown;
  setEncoding(encoding: "utf8"): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: "data", listener: (chunk: string) => void): unknown;
  off(event: "data", listener: (chunk: string) => void): unknown;
}

const ENTER = /[\r\n]/;
const CTRL_C = "\u0003";
const BACKSPACE = new Set(["\u007f", "\b"]);

export function promptHidden(
  question: string,
  input: TerminalInput,
  write: (text: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (): void => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      write("\n");
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (ENTER.test(char)) {
          finish();
          resolve(typed);
          return;
        }
        if (char === CTRL_C) {
          finish();
          reject(new CliError("Usage", "no client secret given (cancelled)."));
          return;
        }
        typed = BACKSPACE.has(char) ? typed.slice(0, -1) : typed + char;
      }
    };
    write(question);
    input.setRawMode(true);
    input.setEncoding("utf8");
    input.resume();
    input.on("data", onData);
  });
}

/** The environment with HALO_CLIENT_SECRET asked for, when a pull or push needs it and none was given. */
export async function withPromptedSecret(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  prompt: ((question: string) => Promise<string>) | undefined,
): Promise<Record<string, string | undefined>> {
  const given = argv.some((a) => a === "--client-secret" || a.startsWith("--client-secret="));
  const command = argv.some((a) => a === "pull" || a === "push");
  const help = argv.some((a) => a === "--help" || a === "-h");
  if (prompt === undefined || given || (env.HALO_CLIENT_SECRET ?? "") !== "" || !command || help) return env;
  return { ...env, HALO_CLIENT_SECRET: await prompt("Client secret (typing is not shown): ") };
}

export const SECRET_ON_COMMAND_LINE_WARNING =
  "halosheet: warning: --client-secret shows in the process list and your shell history (and in npm's log under npm run cli); " +
  "set HALO_CLIENT_SECRET instead, or leave both out to be asked for it.\n";
