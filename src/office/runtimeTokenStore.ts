/**
 * Keeps Halo tokens in OfficeRuntime.storage: the add-in's own storage on this device, shared by the task
 * pane and the custom functions, and never part of the workbook or its document settings.
 */
import type { TokenSet, TokenStore } from "../halo";

const KEY_PREFIX = "halosheet.tokens.";

export class RuntimeTokenStore implements TokenStore {
  constructor(private readonly storage: OfficeRuntime.Storage = OfficeRuntime.storage) {}

  async load(key: string): Promise<TokenSet | undefined> {
    const text = await this.storage.getItem(KEY_PREFIX + key);
    if (!text) return undefined;
    const tokens = parseTokenSet(text);
    // Unreadable entries (an older format, a half-written value) are dropped so sign-in starts clean.
    if (!tokens) await this.storage.removeItem(KEY_PREFIX + key);
    return tokens;
  }

  async save(key: string, tokens: TokenSet): Promise<void> {
    await this.storage.setItem(KEY_PREFIX + key, JSON.stringify(tokens));
  }

  async clear(key: string): Promise<void> {
    await this.storage.removeItem(KEY_PREFIX + key);
  }
}

function parseTokenSet(text: string): TokenSet | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.accessToken !== "string" || typeof record.tokenType !== "string") return undefined;
  if (typeof record.expiresAt !== "number") return undefined;
  return {
    accessToken: record.accessToken,
    tokenType: record.tokenType,
    expiresAt: record.expiresAt,
    ...(typeof record.issuedAt === "number" ? { issuedAt: record.issuedAt } : {}),
    ...(typeof record.refreshToken === "string" ? { refreshToken: record.refreshToken } : {}),
    ...(typeof record.scope === "string" ? { scope: record.scope } : {}),
  };
}
