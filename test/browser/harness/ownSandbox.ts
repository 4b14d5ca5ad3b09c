/* A sandbox of a test's own, in the test's worker, for tests that need other data than the shared one
   (2,000 tickets), change its rate limit or faults, or count its requests: nothing they do reaches the
   other tests. The task pane signs in to it by its URL, as to any Halo. */
import { expect, type Frame } from "@playwright/test";
import { startSandbox, type SandboxOptions } from "../../../sandbox/server";
import type { StatsSnapshot } from "../../../sandbox/stats";
import { demoClientToken, signInWithSecret } from "./signIn";

export interface OwnSandbox {
  url: string;
  /** Replaces the rate limit ("10/5": 10 requests per 5 s; "0": off). */
  setRateLimit(spec: string): Promise<void>;
  /** Replaces the fault spec (sandbox/faults.ts; "" for none). */
  setFaults(spec: string): Promise<void>;
  stats(): Promise<StatsSnapshot>;
  /** GET /api/<path> as any API user (the demo client's token). */
  api<T>(path: string): Promise<T>;
  /** POST /api/<path> with a JSON body as any API user. */
  post(path: string, body: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnSandbox(options: SandboxOptions = {}): Promise<OwnSandbox> {
  // Ports are chosen by the system, so any origin may call it (the dev server's origin).
  const sandbox = await startSandbox({ port: 0, cors: "*", ...options });
  let token: string | undefined;
  const authorization = async () => `Bearer ${(token ??= await demoClientToken(sandbox.url))}`;
  const control = async (route: string, body: string): Promise<void> => {
    const answer = await fetch(`${sandbox.url}/__sandbox/${route}`, { method: "POST", body });
    if (!answer.ok) throw new Error(`${route} ${body}: ${answer.status} ${await answer.text()}`);
  };
  return {
    url: sandbox.url,
    setRateLimit: (spec) => control("rate-limit", spec),
    setFaults: (spec) => control("faults", spec),
    stats: async () => (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as StatsSnapshot,
    api: async <T>(path: string) => {
      const answer = await fetch(`${sandbox.url}/api/${path}`, {
        headers: { authorization: await authorization() },
      });
      if (!answer.ok) throw new Error(`GET ${path}: ${answer.status}`);
      return (await answer.json()) as T;
    },
    post: async (path, body) => {
      const answer = await fetch(`${sandbox.url}/api/${path}`, {
        method: "POST",
        headers: { authorization: await authorization(), "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`POST ${path}: ${answer.status} ${await answer.text()}`);
    },
    close: () => sandbox.close(),
  };
}

/** Requests to Halo's API (/api) in these stats: the control routes' own requests left out. */
export function apiRequests(stats: StatsSnapshot): number {
  return Object.entries(stats.requests)
    .filter(([route]) => / \/api\//.test(route))
    .reduce((sum, [, byStatus]) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

/** Signs the pane in to this sandbox with the demo client's id and secret. */
export async function signInTo(pane: Frame, sandbox: OwnSandbox): Promise<void> {
  await signInWithSecret(pane, sandbox.url);
  await expect(pane.getByText(`Connected to ${sandbox.url}`)).toBeVisible({ timeout: 15_000 });
}
