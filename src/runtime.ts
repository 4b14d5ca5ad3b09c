/**
 * The shared runtime state of the add-in: the task pane and the custom functions run in one
 * JavaScript runtime (manifest SharedRuntime), so the client the pane signs in is the one =HALO.ID
 * uses. Plain TypeScript: no Office import, so it runs in tests and the workbench as in Excel.
 */
import { haloNameListPort, IdLookupError, IdResolver } from "./bulk";
import type { HaloClient } from "./halo";

export type SignedInListener = (client: HaloClient | undefined) => void;

let signedIn: HaloClient | undefined;
let resolver: IdResolver | undefined;
const listeners = new Set<SignedInListener>();

/** The client signed in by the pane (or a test), or undefined. */
export function getSignedInClient(): HaloClient | undefined {
  return signedIn;
}

/** Signs a client in (or out, with undefined); name lookups cached for the previous client are dropped. */
export function setSignedInClient(client: HaloClient | undefined): void {
  if (client === signedIn) return;
  signedIn = client;
  resolver = undefined;
  for (const listener of [...listeners]) listener(client);
}

/** Calls `listener` on every sign-in or sign-out; returns the unsubscribe. */
export function subscribe(listener: SignedInListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The session's name -> id resolver for the signed-in client; IdLookupError("NotSignedIn") when none is. */
export function idResolver(): IdResolver {
  if (signedIn === undefined)
    throw new IdLookupError(
      "NotSignedIn",
      "Not signed in to Halo: open the HaloSheet pane and connect, then recalculate.",
    );
  resolver ??= new IdResolver(haloNameListPort(signedIn));
  return resolver;
}
