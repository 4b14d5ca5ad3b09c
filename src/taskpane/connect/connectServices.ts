/** What the Connect panel needs from its host: injected so tests run it without Office or a network. */
import type { FetchFn } from "../../halo";
import type { DialogResult } from "../../office/signInDialog";

export interface ConnectServices {
  /** OfficeRuntime.storage in the add-in: PKCE tokens and the last instance URL / client id (never the secret). */
  storage: OfficeRuntime.Storage;
  /** The page origin: CORS messages name it. */
  origin: string;
  /** The folder the add-in is served from, where the PKCE redirect page lives; default `origin`. */
  addinUrl?: string;
  /** Default the page's fetch. */
  fetch?: FetchFn;
  /** Development only (npm start): the local sandbox to fill in when nothing was saved. Never a secret. */
  prefill?: { instanceUrl: string; clientId: string };
  /** Shows Halo's sign-in page in a dialog and resolves with the redirect's answer. */
  openSignInDialog(authorizeUrl: string): Promise<DialogResult>;
}
