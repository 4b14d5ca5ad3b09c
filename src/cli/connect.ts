/**
 * Signing in from the command line: a client-credentials Halo client, signed in at once so a bad
 * id or secret fails before any row is read or sent. Retries (429 and friends) are shown on stderr.
 */
import { createHaloClient, type Clock, type FetchFn, type HaloClient } from "../halo";
import type { Connection } from "./args";

export interface ConnectOptions {
  clock?: Clock;
  fetch?: FetchFn;
  stderr(text: string): void;
}

export async function connect(connection: Connection, options: ConnectOptions): Promise<HaloClient> {
  const client = createHaloClient({
    instanceUrl: connection.url,
    auth: { kind: "clientCredentials", clientId: connection.clientId, clientSecret: connection.clientSecret },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    onRetry: (event) =>
      options.stderr(
        `halosheet: ${event.request}: ${event.error.message}; trying again in ${Math.ceil(event.delayMs / 1000)} s\n`,
      ),
  });
  await client.signIn();
  return client;
}
