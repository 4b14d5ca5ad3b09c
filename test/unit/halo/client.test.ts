import { haloRejection } from "../../fakes/haloRejection";
import {
  browserNetworkFailure,
  hangUntilAborted,
  jsonResponse,
  nodeNetworkFailure,
  textResponse,
} from "../../fakes/fakeFetch";
import { FAKE_INSTANCE, FAKE_SECRET, fakeHalo } from "../../fakes/fakeHalo";

describe("request()", () => {
  it("sends JSON with the bearer token to <instance>/api<path> and parses the answer", async () => {
    const halo = fakeHalo({ instanceUrl: "acme.halopsa.test/api/" });
    halo.fetch.on("POST", "/api/Client", () => jsonResponse(201, [{ id: 7, name: "Acme" }]));
    const answer = await halo.client.request("POST", "Client", {
      body: [{ name: "Acme" }],
      query: { a: 1, skip: undefined, nothing: null, flag: true },
    });
    expect(answer).toEqual([{ id: 7, name: "Acme" }]);
    const [sent] = halo.fetch.calls("POST", "/api/Client");
    expect(sent.url).toBe(`${FAKE_INSTANCE}/api/Client?a=1&flag=true`);
    expect(sent.headers).toMatchObject({
      authorization: "Bearer token-1",
      "content-type": "application/json",
      accept: "application/json",
    });
    expect(sent.json()).toEqual([{ name: "Acme" }]);
    expect(halo.client.instanceUrl).toBe(FAKE_INSTANCE);
    expect(halo.client.apiUrl).toBe(`${FAKE_INSTANCE}/api`);
  });

  it("accepts paths given with /api and returns null for an empty body", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Site", () => new Response("", { status: 200 }));
    await expect(halo.client.request("POST", "/api/Site", { body: [] })).resolves.toBeNull();
  });

  it.each([
    [400, "Validation", textResponse(400, "Client name is required")],
    [400, "Validation", jsonResponse(400, "Client name is required")],
    [400, "Validation", jsonResponse(400, { message: "Client name is required", id: 3 })],
    [404, "NotFound", textResponse(404, "Client name is required")],
    [413, "Validation", textResponse(413, "Client name is required")],
  ])("maps status %i to %s with Halo's message", async (status, kind, response) => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () => response.clone());
    const error = await haloRejection(halo.client.request("POST", "/Client", { body: [{}] }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain("Client name is required");
    expect(error.request).toBe("POST /api/Client");
    expect(error.mayHaveApplied).toBe(false);
  });

  it("redacts the client secret and tokens Halo echoes back", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", (request) =>
      textResponse(400, `bad request ${FAKE_SECRET} with ${request.headers.authorization}; token token-1`),
    );
    const error = await haloRejection(halo.client.request("GET", "/Client"));
    expect(error.message).not.toContain(FAKE_SECRET);
    expect(error.message).not.toContain("token-1");
    expect(error.message).toContain("[redacted]");
    expect(halo.client.redact(`x ${FAKE_SECRET} y`)).toBe("x [redacted] y");
  });

  it("reports a non-JSON success as Server (e.g. a login page)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => textResponse(200, "<!DOCTYPE html><html>"));
    const error = await haloRejection(halo.client.request("GET", "/Client"));
    expect(error.kind).toBe("Server");
    expect(error.message).toMatch(/does not look like a Halo instance \(it answered HTML\)/);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(1);
  });
});

describe("retry policy in request()", () => {
  it("retries a GET on 5xx with growing back-off, then succeeds", async () => {
    const delays: number[] = [];
    const halo = fakeHalo({ onRetry: (event) => delays.push(event.delayMs) });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () => textResponse(500, "boom"));
    halo.fetch.once("GET", "/api/Client", () => textResponse(502, "bad gateway"));
    halo.fetch.once("GET", "/api/Client", () => textResponse(503, "busy"));
    await expect(halo.clock.runUntil(halo.client.request("GET", "/Client"))).resolves.toEqual([]);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(4);
    // random() = 0.5 -> 3/4 of base * 2^(n-1)
    expect(delays).toEqual([750, 1500, 3000]);
    expect(halo.clock.sleeps).toEqual(expect.arrayContaining([750, 1500, 3000]));
  });

  it("gives up after maxAttempts with the last Server error", async () => {
    const halo = fakeHalo({ retry: { maxAttempts: 3, random: () => 0 } });
    halo.fetch.on("GET", "/api/Client", () => textResponse(500, "still broken"));
    const error = await haloRejection(halo.clock.runUntil(halo.client.request("GET", "/Client")));
    expect(error.kind).toBe("Server");
    expect(error.message).toContain("still broken");
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(3);
  });

  it("honours Retry-After in seconds on 429", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () =>
      textResponse(429, "Too Many Requests", { "Retry-After": "7" }),
    );
    const start = halo.clock.now();
    await halo.clock.runUntil(halo.client.request("GET", "/Client"));
    expect(halo.clock.sleeps).toContain(7000);
    expect(halo.clock.now() - start).toBe(7000);
  });

  it("honours Retry-After as an HTTP date on 429", async () => {
    const halo = fakeHalo();
    const later = new Date(halo.clock.now() + 12_000).toUTCString();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () => textResponse(429, "", { "Retry-After": later }));
    await halo.clock.runUntil(halo.client.request("GET", "/Client"));
    expect(halo.clock.sleeps).toContain(12_000);
  });

  it("backs off with jitter on 429 without Retry-After", async () => {
    const jitter = [0, 0.999];
    const retries: number[] = [];
    const halo = fakeHalo({
      retry: { random: () => jitter.shift() ?? 0 },
      onRetry: (event) => retries.push(event.delayMs),
    });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () => textResponse(429, ""));
    halo.fetch.once("GET", "/api/Client", () => textResponse(429, ""));
    await halo.clock.runUntil(halo.client.request("GET", "/Client"));
    expect(retries[0]).toBe(500); // base 1000: half fixed + 0 * half
    expect(retries[1]).toBeGreaterThan(1990); // base 2000: half fixed + ~1 * half
    expect(retries[1]).toBeLessThanOrEqual(2000);
  });

  it("does not sleep through a Retry-After longer than the policy allows", async () => {
    const halo = fakeHalo({ retry: { maxRetryAfterMs: 10_000 } });
    halo.fetch.on("GET", "/api/Client", () => textResponse(429, "", { "Retry-After": "3600" }));
    const error = await haloRejection(halo.clock.runUntil(halo.client.request("GET", "/Client")));
    expect(error.kind).toBe("RateLimited");
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(1);
  });

  it("retries a POST on 429 and 503 (nothing applied)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () => jsonResponse(200, [{ id: 1 }]));
    halo.fetch.once("POST", "/api/Client", () => textResponse(429, "", { "Retry-After": "1" }));
    halo.fetch.once("POST", "/api/Client", () => textResponse(503, "Service Unavailable"));
    await expect(
      halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{ id: 1 }] })),
    ).resolves.toEqual([{ id: 1 }]);
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(3);
  });

  it("retries a POST whose connection was refused (Node)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", () => jsonResponse(200, [{ id: 1 }]));
    halo.fetch.once("POST", "/api/Client", () => nodeNetworkFailure("ECONNREFUSED"));
    await halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{ id: 1 }] }));
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(2);
  });

  it.each([
    ["500", () => textResponse(500, "error after commit"), "Server"],
    ["502", () => textResponse(502, "bad gateway"), "Server"],
    ["504", () => textResponse(504, "gateway timeout"), "Server"],
    ["a reset connection", () => nodeNetworkFailure("ECONNRESET"), "Network"],
  ])("never retries an ambiguous POST failure: %s", async (_name, responder, kind) => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Client", responder);
    const error = await haloRejection(
      halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{}] })),
    );
    expect(error.kind).toBe(kind);
    expect(error.mayHaveApplied).toBe(true);
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(1);
  });

  it("treats a failed sign-in as nothing sent: a POST is retried after a token-endpoint 500", async () => {
    const halo = fakeHalo();
    halo.fetch.once("POST", "/auth/token", () => textResponse(500, "Auth server down"));
    halo.fetch.on("POST", "/api/Client", () => jsonResponse(200, [{ id: 1 }]));
    const answer = halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{ id: 1 }] }));
    await expect(answer).resolves.toEqual([{ id: 1 }]);
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(1);
  });

  it("reports a sign-in that timed out as not applied (the POST was never sent)", async () => {
    const halo = fakeHalo({ timeoutMs: 1000, retry: { maxAttempts: 1 } });
    halo.fetch.on("POST", "/auth/token", hangUntilAborted);
    const error = await haloRejection(
      halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{ id: 1 }] })),
    );
    expect(error.kind).toBe("Timeout");
    expect(error.mayHaveApplied).toBe(false);
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(0);
  });

  it("times out a POST that gets no answer, aborts it, and does not retry it", async () => {
    const halo = fakeHalo({ timeoutMs: 30_000 });
    halo.fetch.on("POST", "/api/Client", hangUntilAborted);
    const start = halo.clock.now();
    const error = await haloRejection(
      halo.clock.runUntil(halo.client.request("POST", "/Client", { body: [{}] })),
    );
    expect(error.kind).toBe("Timeout");
    expect(error.mayHaveApplied).toBe(true);
    expect(halo.clock.now() - start).toBe(30_000);
    const [sent] = halo.fetch.calls("POST", "/api/Client");
    expect(sent.signal?.aborted).toBe(true);
    expect(halo.fetch.calls("POST", "/api/Client")).toHaveLength(1);
  });

  it("retries a GET that timed out, using the per-request time-out", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, [1]));
    halo.fetch.once("GET", "/api/Client", hangUntilAborted);
    const start = halo.clock.now();
    await expect(
      halo.clock.runUntil(halo.client.request("GET", "/Client", { timeoutMs: 5000 })),
    ).resolves.toEqual([1]);
    expect(halo.clock.now() - start).toBe(5000 + 750);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", hangUntilAborted);
    const controller = new AbortController();
    const pending = halo.client.request("GET", "/Client", { signal: controller.signal });
    await halo.clock.advance(10);
    controller.abort(new Error("user cancelled"));
    await expect(pending).rejects.toThrow("user cancelled");
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(1);
  });

  it("reports the retries it makes", async () => {
    const events: string[] = [];
    const halo = fakeHalo({
      onRetry: (e) => events.push(`${e.request} #${e.attempt} ${e.error.kind} ${e.delayMs}`),
    });
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, []));
    halo.fetch.once("GET", "/api/Client", () => textResponse(500, ""));
    await halo.clock.runUntil(halo.client.request("GET", "/Client"));
    expect(events).toEqual(["GET /api/Client #1 Server 750"]);
  });
});

describe("network failures", () => {
  it("in a browser, names the exact origin to add and where in Halo (Cors)", async () => {
    const halo = fakeHalo({ origin: "https://localhost:3000" });
    halo.fetch.on("GET", "/api/authinfo", () => browserNetworkFailure());
    halo.fetch.on("POST", "/auth/token", () => browserNetworkFailure());
    const error = await haloRejection(halo.clock.runUntil(halo.client.request("GET", "/Client")));
    expect(error.kind).toBe("Cors");
    expect(error.message).toContain("https://localhost:3000");
    expect(error.message).toContain("Configuration > Integrations > API > View Applications");
    expect(error.message).toContain("acme.halopsa.test");
  });

  it("keeps secrets out of a fetch failure's own message", async () => {
    const halo = fakeHalo({ retry: { maxAttempts: 1 } });
    await halo.client.signIn();
    halo.fetch.on("GET", "/api/Client", () => {
      throw new Error(`proxy refused ${FAKE_SECRET} with Authorization: Bearer token-1`);
    });
    const error = await haloRejection(halo.client.request("GET", "/Client"));
    expect(error.kind).toBe("Network");
    expect(error.message).toContain("proxy refused");
    expect(error.message).not.toContain(FAKE_SECRET);
    expect(error.message).not.toContain("token-1");
  });

  it("in Node, reports the socket error as Network", async () => {
    const halo = fakeHalo({ retry: { maxAttempts: 2 } });
    halo.fetch.on("GET", "/api/Client", () => nodeNetworkFailure("ENOTFOUND"));
    const error = await haloRejection(halo.clock.runUntil(halo.client.request("GET", "/Client")));
    expect(error.kind).toBe("Network");
    expect(error.message).toContain("ENOTFOUND");
    expect(error.mayHaveApplied).toBe(false);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(2);
  });
});
