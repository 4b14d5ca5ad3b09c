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
  server: (signal?: AbortSignal) => Promise<AuthServer>;
  redactor: Redactor;
  /** Renew this long before expiry (default 60 s), so a token never expires mid-request. */
  refreshAheadMs?: number;
}

const DEFAULT_REFRESH_AHEAD_MS = 60_000;

export class TokenManager {
  private renewing?: Promise<TokenSet>;

  constructor(private readonly deps: TokenManagerDeps) {}

  private fresh(tokens: TokenSet | undefined): tokens is TokenSet {
    const ahead = this.deps.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    return tokens !== undefined && tokens.expiresAt - ahead > this.deps.http.clock.now();
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

  private renew(signal?: AbortSignal): Promise<TokenSet> {
    this.renewing ??= this.obtain(signal).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private async obtain(signal?: AbortSignal): Promise<TokenSet> {
    const { http, auth, redactor, store, key } = this.deps;
    const server = await this.deps.server(signal);
    const current = await this.loadTokens();
    let tokens: TokenSet | undefined;
    if (current?.refreshToken !== undefined) {
      try {
        tokens = await refreshGrant(http, server, auth, current.refreshToken, redactor, signal);
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
      tokens = await clientCredentialsGrant(http, server, auth, redactor, signal);
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
