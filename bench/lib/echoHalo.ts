/**
 * A Halo that only answers: POST /api/<Entity> echoes the array back as saved, under Halo's rolling
 * rate limit (the sandbox's own limiter), with token and authinfo routes. For the memory and
 * scaling runs, where a sandbox holding 100,000 records would measure the sandbox, not HaloSheet.
 */
import { RollingWindowLimiter, retryAfterHeaders } from "../../sandbox/rateLimit";
import { createHaloClient, RateLimiter, type FetchFn, type HaloClient } from "../../src/halo";
import { HALO_LIMIT } from "./floor";
import { SimClock } from "./simClock";
import { Wire } from "./wire";

export const ECHO_URL = "http://127.0.0.1:4999";

export function echoHalo(clock: SimClock): FetchFn {
  const limiter = new RollingWindowLimiter({ requests: HALO_LIMIT.requests, windowMs: HALO_LIMIT.windowMs });
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  return async (input, init) => {
    const { pathname } = new URL(input);
    if (pathname === "/api/authinfo")
      return json(200, { auth_url: `${ECHO_URL}/auth`, api_url: `${ECHO_URL}/api` });
    if (pathname === "/auth/token")
      return json(200, { access_token: "bench-token", token_type: "Bearer", expires_in: 3600 });
    const admission = limiter.admit("bench", clock.now());
    if (!admission.admitted)
      return new Response("Too Many Requests", {
        status: 429,
        headers: retryAfterHeaders("seconds", admission.retryAfterMs, clock.now()),
      });
    if (init.method === "POST") {
      const sent = JSON.parse(String(init.body)) as Record<string, unknown>[];
      return json(200, sent.length === 1 ? sent[0] : sent);
    }
    return json(404, "Not found");
  };
}

/**
 * HaloSheet's real client (its rate limiter at Halo's limit) on a metered wire with 100 ms latency to
 * an echoing Halo, all on a fresh simulated clock.
 */
export function echoSession(): { clock: SimClock; wire: Wire; client: HaloClient } {
  const clock = new SimClock();
  const wire = new Wire({ clock, latencyMs: HALO_LIMIT.latencyMs, inner: echoHalo(clock) });
  const client = createHaloClient({
    instanceUrl: ECHO_URL,
    auth: { kind: "clientCredentials", clientId: "bench", clientSecret: "bench-secret" },
    fetch: wire.fetch,
    clock,
    rateLimit: new RateLimiter(clock, { limit: HALO_LIMIT.requests, windowMs: HALO_LIMIT.windowMs }),
  });
  return { clock, wire, client };
}
