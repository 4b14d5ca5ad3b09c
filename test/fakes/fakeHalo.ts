/**
 * A Halo client wired to a FakeFetch and FakeClock, with a token endpoint that hands out numbered
 * tokens ("token-1", "token-2", ...) and no /api/authinfo (so the default <instance>/auth is used).
 */
import { createHaloClient, type HaloClient, type HaloClientOptions } from "../../src/halo/client";
import { FakeClock } from "./fakeClock";
import { FakeFetch, jsonResponse, textResponse } from "./fakeFetch";

export const FAKE_INSTANCE = "https://acme.halopsa.test";
export const FAKE_CLIENT_ID = "halosheet-test";
export const FAKE_SECRET = "s3cret-client-value";

export interface FakeHalo {
  fetch: FakeFetch;
  clock: FakeClock;
  client: HaloClient;
  /** Token requests made so far. */
  tokenRequests(): ReturnType<FakeFetch["calls"]>;
}

export function fakeHalo(overrides: Partial<HaloClientOptions> = {}, tokenLifetimeS = 3600): FakeHalo {
  const fetch = new FakeFetch();
  const clock = new FakeClock();
  let issued = 0;
  fetch.on("GET", "/api/authinfo", () => textResponse(404, "Not found"));
  fetch.on("POST", "/auth/token", () =>
    jsonResponse(200, {
      access_token: `token-${++issued}`,
      token_type: "Bearer",
      expires_in: tokenLifetimeS,
    }),
  );
  const client = createHaloClient({
    instanceUrl: FAKE_INSTANCE,
    auth: { kind: "clientCredentials", clientId: FAKE_CLIENT_ID, clientSecret: FAKE_SECRET },
    fetch: fetch.fetch,
    clock,
    rateLimit: false,
    retry: { random: () => 0.5 },
    ...overrides,
  });
  return { fetch, clock, client, tokenRequests: () => fetch.calls("POST", "/auth/token") };
}
