/** Rate limit (429), CORS allow-list, fault injection, stats, reset and --data persistence. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";
import type { StatsSnapshot } from "../../sandbox/stats";
import { api, call, signIn } from "./sandboxHttp";

const running: RunningSandbox[] = [];

async function start(options: SandboxOptions): Promise<{ sandbox: RunningSandbox; token: string }> {
  const sandbox = await startSandbox({ port: 0, ...options });
  running.push(sandbox);
  return { sandbox, token: await signIn(sandbox) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function stats(sandbox: RunningSandbox): Promise<StatsSnapshot> {
  return (await call(`${sandbox.url}/__sandbox/stats`)).json<StatsSnapshot>();
}

async function setFaults(sandbox: RunningSandbox, spec: string): Promise<void> {
  expect((await call(`${sandbox.url}/__sandbox/faults`, { method: "POST", body: spec })).status).toBe(200);
}

describe("rate limit", () => {
  it("answers 429 with Retry-After (seconds) beyond N requests in the window, and counts them", async () => {
    const { sandbox, token } = await start({ rateLimit: "3/60", seed: 0 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const answer = await api(sandbox, token, "GET", "/Client");
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers.get("retry-after");
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(55);
    expect((await stats(sandbox)).rateLimited).toBe(2);
  });

  it("can leave Retry-After out, and lets requests in again when the window rolls", async () => {
    let now = 0;
    const { sandbox, token } = await start({
      rateLimit: "2/10",
      retryAfter: "none",
      seed: 0,
      now: () => now,
    });
    await api(sandbox, token, "GET", "/Client");
    now = 5000;
    await api(sandbox, token, "GET", "/Client");
    const limited = await api(sandbox, token, "GET", "/Client");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeNull();
    now = 10_000; // the first request has left the window
    expect((await api(sandbox, token, "GET", "/Client")).status).toBe(200);
    expect((await api(sandbox, token, "GET", "/Client")).status).toBe(429);
  });
});

describe("rate limit at run time (/__sandbox/rate-limit)", () => {
  it("lowers the limit, turns it off, refuses a bad value, and reset puts the started limit back", async () => {
    const { sandbox, token } = await start({ rateLimit: "300/300", seed: 0 });
    const control = (body?: string) =>
      call(`${sandbox.url}/__sandbox/rate-limit`, body === undefined ? {} : { method: "POST", body });
    expect((await control()).json()).toEqual({ requests: 300, windowMs: 300_000 });
    expect((await control("2/60")).json()).toEqual({ requests: 2, windowMs: 60_000 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api(sandbox, token, "GET", "/Client")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await control("0")).json()).toEqual({ off: true });
    expect((await api(sandbox, token, "GET", "/Client")).status).toBe(200);
    const bad = await control("fast");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("--rate-limit");
    await control("1/60");
    expect((await call(`${sandbox.url}/__sandbox/reset`, { method: "POST" })).status).toBe(200);
    expect((await control()).json()).toEqual({ requests: 300, windowMs: 300_000 });
  });
});

describe("CORS", () => {
  it("answers the preflight of an allowed origin only; a disallowed origin gets no CORS headers", async () => {
    const { sandbox, token } = await start({ cors: "https://localhost:3000", seed: 0, rateLimit: 0 });
    const preflight = (origin: string) =>
      fetch(`${sandbox.url}/api/Client`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization,content-type",
        },
      });
    const allowed = await preflight("https://localhost:3000");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(allowed.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("access-control-allow-methods")).toBeNull();

    const get = await api(sandbox, token, "GET", "/Client", undefined, { Origin: "https://localhost:3000" });
    expect(get.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    const other = await api(sandbox, token, "GET", "/Client", undefined, { Origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("faults", () => {
  it("500 and 503 come before the work: nothing is saved", async () => {
    const { sandbox, token } = await start({ rateLimit: 0 });
    const before = (await api(sandbox, token, "GET", "/Client/1")).json<{ name: string }>().name;
    await setFaults(sandbox, "500=1x,503=1x");
    expect((await api(sandbox, token, "POST", "/Client", [{ id: 1, name: "A" }])).status).toBe(503);
    expect((await api(sandbox, token, "POST", "/Client", [{ id: 1, name: "B" }])).status).toBe(500);
    expect((await api(sandbox, token, "GET", "/Client/1")).json<{ name: string }>().name).toBe(before);
    expect((await stats(sandbox)).rowsWritten.updated).toBe(0);
  });

  it("reset and 502 come after the commit: the write is saved though the caller saw no success", async () => {
    const { sandbox, token } = await start({ rateLimit: 0, faults: "reset=1x,methods=POST" });
    await expect(
      api(sandbox, token, "POST", "/Client", [{ id: 1, name: "Saved despite reset" }]),
    ).rejects.toThrow();
    await setFaults(sandbox, "502=1x");
    const gateway = await api(sandbox, token, "POST", "/Client", [{ id: 2, name: "Saved despite 502" }]);
    expect(gateway.status).toBe(502);
    expect((await api(sandbox, token, "GET", "/Client/1")).json()).toMatchObject({
      name: "Saved despite reset",
    });
    expect((await api(sandbox, token, "GET", "/Client/2")).json()).toMatchObject({
      name: "Saved despite 502",
    });
    const snapshot = await stats(sandbox);
    expect(snapshot.requests["POST /api/Client"]).toMatchObject({ reset: 1, 502: 1 });
    expect(snapshot.rowsWritten.updated).toBe(2);
    expect(snapshot.faults["502"]).toBe(1);
  });

  it("slow delays the answer by slowms; latency delays every /api answer", async () => {
    const { sandbox, token } = await start({
      rateLimit: 0,
      seed: 0,
      latency: 50,
      faults: "slow=1x,slowms=300",
    });
    let started = Date.now();
    await api(sandbox, token, "GET", "/Client");
    expect(Date.now() - started).toBeGreaterThanOrEqual(340);
    started = Date.now();
    await api(sandbox, token, "GET", "/Client");
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(300);
  });

  it("a bad fault spec is refused with 400 naming the problem", async () => {
    const { sandbox } = await start({ rateLimit: 0, seed: 0 });
    const answer = await call(`${sandbox.url}/__sandbox/faults`, { method: "POST", body: "teapot=1" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("teapot");
  });
});

describe("stats and reset", () => {
  it("counts requests by route and status and rows written; reset restores the seeded data", async () => {
    const { sandbox, token } = await start({ rateLimit: 0 });
    const original = (await api(sandbox, token, "GET", "/Site/1")).json<{ name: string }>().name;
    await api(sandbox, token, "POST", "/Site", [
      { id: 1, name: "Changed" },
      { name: "Brand new site", client_id: 1 },
    ]);
    await api(sandbox, token, "GET", "/Site/1");
    const snapshot = await stats(sandbox);
    expect(snapshot.requests["POST /api/Site"]).toEqual({ 201: 1 });
    expect(snapshot.requests["GET /api/Site/{id}"]).toEqual({ 200: 2 });
    expect(snapshot.rowsWritten).toMatchObject({
      created: 1,
      updated: 1,
      byEntity: { Site: { created: 1, updated: 1 } },
    });

    expect((await call(`${sandbox.url}/__sandbox/reset`, { method: "POST" })).status).toBe(200);
    expect((await api(sandbox, token, "GET", "/Site/1")).json<{ name: string }>().name).toBe(original);
    const after = await stats(sandbox);
    expect(after.rowsWritten.updated).toBe(0);
    expect(after.requests["POST /api/Site"]).toBeUndefined();
  });
});

describe("--data persistence", () => {
  it("keeps writes between runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "halo-sandbox-"));
    const file = path.join(dir, "halo.sqlite");
    try {
      const first = await start({ rateLimit: 0, data: file });
      await api(first.sandbox, first.token, "POST", "/Client", [{ id: 7, name: "Persisted Ltd" }]);
      await first.sandbox.close();
      running.splice(running.indexOf(first.sandbox), 1);

      const second = await start({ rateLimit: 0, data: file });
      expect((await api(second.sandbox, second.token, "GET", "/Client/7")).json()).toMatchObject({
        name: "Persisted Ltd",
      });
      const report = await api(second.sandbox, second.token, "POST", "/Report", [
        { sql: "SELECT name FROM Area WHERE id = 7", _loadreportonly: true },
      ]);
      expect(report.json()).toMatchObject({ report: { rows: [{ name: "Persisted Ltd" }] } });
      await second.sandbox.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
