/**
 * Keeps a valid access token: reads the store, renews ahead of expiry (refresh token first, then a
 * new client-credentials grant), and renews once when Halo rejects a token. Concurrent callers share
 * one renewal so a burst of requests never triggers a burst of sign-ins.
 */
import { clientCredentialsGrant, refreshGrant, type AuthMethod } from "./auth";
import type { AuthServer } from "./authServer";
import { HaloError, isHaloError } from "./errors";
import type { HttpContext } from "./http";
import type { Redactor } from "./redact";
import type { TokenSet, TokenStore } from "./tokenStore";

export interface TokenManagerDeps {
  http: HttpContext;
  auth: AuthMethod;
  store: TokenStore;
  key: string;
  server: () => Promise<AuthServer>;
  redactor: Redactor;
  /** Renew this long before expiry (default 60 s), so a token never expires mid-request. */
  refreshAheadMs?: number;
}

const DEFAULT_REFRESH_AHEAD_MS = 60_000;

export class TokenManager {
  private renewing?: Promise<TokenSet>;

  constructor(private readonly deps: TokenManagerDeps) {}

  private fresh(tokens: TokenSet | undefined): tokens is TokenSet {
    if (tokens === undefined) return false;
    let ahead = this.deps.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    // A token living less than twice the margin (e.g. a 30 s test token) would be stale at birth and
    // renewed before every request: renew such a token halfway through its life instead.
    if (tokens.issuedAt !== undefined) ahead = Math.min(ahead, (tokens.expiresAt - tokens.issuedAt) / 2);
    return tokens.expiresAt - ahead > this.deps.http.clock.now();
  }

  private async loadTokens(): Promise<TokenSet | undefined> {
    const tokens = await this.deps.store.load(this.deps.key);
    this.deps.redactor.add(tokens?.accessToken);
    this.deps.redactor.add(tokens?.refreshToken);
    return tokens;
  }

  /** A token valid for at least refreshAheadMs, renewing if needed. */
  async accessToken(signal?: AbortSignal): Promise<string> {
    const tokens = await this.loadTokens();
    if (this.fresh(tokens)) return tokens.accessToken;
    return (await this.renew(signal)).accessToken;
  }

  /** After a 401 with `rejected`: a different fresh token if another request already renewed, else renew. */
  async renewAfterRejection(rejected: string, signal?: AbortSignal): Promise<string> {
    const tokens = await this.loadTokens();
    if (this.fresh(tokens) && tokens.accessToken !== rejected) return tokens.accessToken;
    return (await this.renew(signal)).accessToken;
  }

  /** Signs in now (client credentials) or checks stored tokens (PKCE), so bad credentials show early. */
  async signIn(signal?: AbortSignal): Promise<void> {
    await this.accessToken(signal);
  }

  async signOut(): Promise<void> {
    await this.deps.store.clear(this.deps.key);
  }

  /**
   * One renewal shared by every caller. It runs without any one caller's signal (cancelling one
   * request must not fail the others' sign-in); each caller stops waiting when its own signal aborts.
   */
  private renew(signal?: AbortSignal): Promise<TokenSet> {
    this.renewing ??= this.obtain().finally(() => {
      this.renewing = undefined;
    });
    return untilAborted(this.renewing, signal);
  }

  private async obtain(): Promise<TokenSet> {
    const { http, auth, redactor, store, key } = this.deps;
    const server = await this.deps.server();
    const current = await this.loadTokens();
    let tokens: TokenSet | undefined;
    if (current?.refreshToken !== undefined) {
      try {
        tokens = await refreshGrant(http, server, auth, current.refreshToken, redactor);
        tokens.refreshToken ??= current.refreshToken;
      } catch (error) {
        // A refused refresh token is spent: forget it, and sign in again where we can.
        if (!isHaloError(error) || error.kind !== "Auth") throw error;
        await store.clear(key);
        if (auth.kind !== "clientCredentials") throw sessionExpired(error);
      }
    }
    if (tokens === undefined) {
      if (auth.kind !== "clientCredentials") {
        throw new HaloError("Auth", "Not signed in to Halo (or the session ended): sign in again.");
      }
      tokens = await clientCredentialsGrant(http, server, auth, redactor);
    }
    await store.save(key, tokens);
    return tokens;
  }
}

function sessionExpired(cause: HaloError): HaloError {
  return new HaloError("Auth", `Your Halo session has ended: sign in again. (${cause.message})`, {
    status: cause.status,
    request: cause.request,
  });
}

/** The promise's outcome, or the signal's reason if it aborts first. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
