/**
 * The CLI run against a contract-test sandbox, signed in with the sandbox's client id and its secret
 * in HALO_CLIENT_SECRET (as the README tells users to), stdout and stderr captured. One place for
 * the sign-in arguments, so the CLI tests differ only in what they test.
 */
import { runCli, type CliEnvironment } from "../../src/cli/main";
import type { BulkSandbox } from "./bulkSandboxSetup";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `--url` and `--client-id` of the sandbox: what every command needs to sign in. */
export function signInArgs(halo: BulkSandbox): string[] {
  return ["--url", halo.sandbox.url, "--client-id", halo.sandbox.clientId];
}

/** The environment a signed-in run gets: the sandbox's secret, where users are told to put it. */
export function secretEnv(halo: BulkSandbox): Record<string, string> {
  return { HALO_CLIENT_SECRET: halo.sandbox.clientSecret };
}

/** Runs argv in-process as given (nothing added), capturing what it prints. */
export async function runCaptured(
  argv: readonly string[],
  options: Partial<Pick<CliEnvironment, "env" | "fetch" | "onInterrupt">> & {
    onStderr?: (text: string) => void;
  } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => {
      stderr += text;
      options.onStderr?.(text);
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onInterrupt ? { onInterrupt: options.onInterrupt } : {}),
  });
  return { code, stdout, stderr };
}

/** `command` signed in to the sandbox, then argv: e.g. `runSignedIn(halo, "push", "--entity", "Client", ...)`. */
export function runSignedIn(
  halo: BulkSandbox,
  command: string,
  argv: readonly string[],
  options: Omit<Parameters<typeof runCaptured>[1] & object, "env"> = {},
): Promise<CliRun> {
  return runCaptured([command, ...signInArgs(halo), ...argv], { ...options, env: secretEnv(halo) });
}
