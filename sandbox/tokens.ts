/**
 * Access tokens, refresh tokens and authorization codes, kept in memory. Tokens expire after the
 * configured TTL (an expired token gets 401, as Halo's does); refresh tokens rotate on use.
 */
import { createHash, randomBytes } from "node:crypto";

export interface TokenGrant {
  clientId: string;
  scopes: string[];
}

export interface AccessToken extends TokenGrant {
  expiresAt: number;
}

export interface AuthorizationCode extends TokenGrant {
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

export interface IssuedTokens {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

export type BearerCheck =
  { ok: true; token: AccessToken } | { ok: false; reason: "missing" | "invalid" | "expired" };

const CODE_LIFETIME_MS = 5 * 60_000;

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The PKCE S256 transform: BASE64URL(SHA256(verifier)). */
export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export class TokenService {
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, TokenGrant>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  issue(grant: TokenGrant): IssuedTokens {
    const accessToken = randomToken();
    this.accessTokens.set(accessToken, { ...grant, expiresAt: this.now() + this.ttlSeconds * 1000 });
    const issued: IssuedTokens = {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: this.ttlSeconds,
      scope: grant.scopes.join(" "),
    };
    // Halo issues a refresh token only when offline_access was asked for.
    if (grant.scopes.includes("offline_access")) {
      const refreshToken = randomToken();
      this.refreshTokens.set(refreshToken, { ...grant });
      issued.refresh_token = refreshToken;
    }
    return issued;
  }

  /** Uses up a refresh token (it rotates) and returns its grant; undefined when unknown. */
  redeemRefreshToken(refreshToken: string): TokenGrant | undefined {
    const grant = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    return grant;
  }

  createCode(code: Omit<AuthorizationCode, "expiresAt">): string {
    const value = randomToken();
    this.codes.set(value, { ...code, expiresAt: this.now() + CODE_LIFETIME_MS });
    return value;
  }

  /** Uses up an authorization code (single use); undefined when unknown or expired. */
  redeemCode(code: string): AuthorizationCode | undefined {
    const found = this.codes.get(code);
    this.codes.delete(code);
    if (found === undefined || found.expiresAt <= this.now()) return undefined;
    return found;
  }

  check(authorization: string | undefined): BearerCheck {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    if (!match) return { ok: false, reason: "missing" };
    const token = this.accessTokens.get(match[1]);
    if (token === undefined) return { ok: false, reason: "invalid" };
    if (token.expiresAt <= this.now()) return { ok: false, reason: "expired" };
    return { ok: true, token };
  }
}
