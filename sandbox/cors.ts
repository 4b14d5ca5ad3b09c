/**
 * CORS as Halo's API application allow-list behaves: an allowed origin gets the headers (and its
 * preflight answered); any other origin gets none, so the browser blocks the call.
 */
export const DEFAULT_CORS_ORIGINS = [
  "https://localhost:3000",
  "http://localhost:3000",
  "https://127.0.0.1:3000",
  "http://127.0.0.1:3000",
];

export function isOriginAllowed(origin: string | undefined, allowList: readonly string[]): origin is string {
  if (origin === undefined) return false;
  return allowList.includes("*") || allowList.includes(origin.replace(/\/$/, ""));
}

/** Headers for a normal (non-preflight) response. */
export function corsHeaders(
  origin: string | undefined,
  allowList: readonly string[],
): Record<string, string> {
  if (!isOriginAllowed(origin, allowList)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Expose-Headers": "Retry-After, WWW-Authenticate",
    Vary: "Origin",
  };
}

/** Headers for a preflight answer; empty for a disallowed origin (the answer carries no CORS headers). */
export function preflightHeaders(
  origin: string | undefined,
  allowList: readonly string[],
  requestedHeaders: string | undefined,
): Record<string, string> {
  if (!isOriginAllowed(origin, allowList)) return {};
  return {
    ...corsHeaders(origin, allowList),
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": requestedHeaders ?? "Authorization, Content-Type",
    "Access-Control-Max-Age": "600",
  };
}
