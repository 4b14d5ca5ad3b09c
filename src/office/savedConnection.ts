/**
 * Remembers the last instance URL, sign-in method and client id in OfficeRuntime.storage (this
 * device's add-in storage), so the Connect panel opens prefilled. Never the secret or any token.
 */
import type { AuthMethod } from "../halo";

export type SignInMethod = AuthMethod["kind"];

export interface SavedConnection {
  instanceUrl: string;
  clientId: string;
  method: SignInMethod;
}

export type KeyValueStorage = Pick<OfficeRuntime.Storage, "getItem" | "setItem" | "removeItem">;

const KEY = "halosheet.lastConnection";

export async function loadSavedConnection(storage: KeyValueStorage): Promise<SavedConnection | undefined> {
  const text = await storage.getItem(KEY);
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Record<keyof SavedConnection, unknown>>;
    if (typeof value.instanceUrl !== "string" || typeof value.clientId !== "string") return undefined;
    const method: SignInMethod =
      value.method === "clientCredentials" ? "clientCredentials" : "authorizationCode";
    return { instanceUrl: value.instanceUrl, clientId: value.clientId, method };
  } catch {
    // A half-written or older entry only loses the prefill.
    return undefined;
  }
}

/** Saves exactly these three fields, whatever else the caller's object carries (a secret must not ride along). */
export async function saveConnection(storage: KeyValueStorage, connection: SavedConnection): Promise<void> {
  const { instanceUrl, clientId, method } = connection;
  await storage.setItem(KEY, JSON.stringify({ instanceUrl, clientId, method }));
}
