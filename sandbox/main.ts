/** `npm run sandbox -- --port 4010`: runs a local Halo instance until interrupted. */
import { SandboxOptionError } from "./optionError";
import { parseArgs, USAGE } from "./options";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox(parseArgs(args));
  // The secret is a demo value the user needs to sign in; it is printed on purpose, never logged per request.
  console.log(`Halo sandbox: ${sandbox.url}`);
  console.log(`  API:           ${sandbox.url}/api`);
  console.log(`  Auth:          ${sandbox.url}/auth`);
  console.log(`  Client ID:     ${sandbox.clientId}`);
  console.log(`  Client secret: ${sandbox.clientSecret}`);
  console.log(`ready ${sandbox.url}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** A port someone else holds is a usage problem, said plainly (not as a Node stack trace). */
function portInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "EADDRINUSE";
}

main().catch((error: unknown) => {
  if (portInUse(error)) {
    const port = (error as { port?: unknown }).port;
    console.error(
      `--port: port ${String(port)} is already in use; pass another one, or --port 0 for any free port.`,
    );
    process.exit(2);
  }
  console.error(error instanceof SandboxOptionError ? error.message : error);
  process.exit(error instanceof SandboxOptionError ? 2 : 1);
});
