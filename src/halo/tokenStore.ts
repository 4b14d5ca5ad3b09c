/**
 * Where tokens live between requests. The add-in keeps them in memory or in OfficeRuntime.storage
 * (an implementation in src/office), never in the workbook or document settings.
 */
export interface TokenSet {
  accessToken: string;
  tokenType: string;
  /** When the access token expires, ms since the epoch. */
  expiresAt: number;
  /** When it was issued, ms since the epoch: tells how long the token lives, for renewing ahead. */
  issuedAt?: number;
  refreshToken?: string;
  scope?: string;
}

export interface TokenStore {
  load(key: string): Promise<TokenSet | undefined>;
  save(key: string, tokens: TokenSet): Promise<void>;
  clear(key: string): Promise<void>;
}

/** The key tokens are stored under: one entry per instance and API application. */
export function tokenKey(instanceUrl: string, clientId: string): string {
  return `${instanceUrl}|${clientId}`;
}

export class MemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, TokenSet>();

  async load(key: string): Promise<TokenSet | undefined> {
    const tokens = this.entries.get(key);
    return tokens === undefined ? undefined : { ...tokens };
  }

  async save(key: string, tokens: TokenSet): Promise<void> {
    this.entries.set(key, { ...tokens });
  }

  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
