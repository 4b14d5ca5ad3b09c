/**
 * An in-process sandbox (port 0) and a signed-in client for the bulk and CLI contract tests, with
 * the sandbox's stats and fault controls at hand.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";
import { createHaloClient, type HaloClient, type HaloClientOptions } from "../../src/halo/client";
import { listEntities } from "../../src/halo/entities";
import type { HaloRecord } from "../../src/halo/paginate";

export interface SandboxStats {
  requests: Record<string, Record<string, number>>;
  totalRequests: number;
  rowsWritten: { created: number; updated: number };
  faults: Record<string, number>;
}

export interface BulkSandbox {
  sandbox: RunningSandbox;
  client: HaloClient;
  stats(): Promise<SandboxStats>;
  setFaults(spec: string): Promise<void>;
  /** Every record of an entity, by id, as a list read shows them. */
  records(entity: string): Promise<Map<number, HaloRecord>>;
  close(): Promise<void>;
}

/** Requests of one route with one status ("POST /api/Client", "200"), 0 when none. */
export function countOf(stats: SandboxStats, route: string, status?: string): number {
  const byStatus = stats.requests[route] ?? {};
  return status === undefined ? Object.values(byStatus).reduce((a, b) => a + b, 0) : (byStatus[status] ?? 0);
}

export async function startBulkSandbox(
  options: SandboxOptions = {},
  clientOptions: Partial<HaloClientOptions> = {},
): Promise<BulkSandbox> {
  const sandbox = await startSandbox({ port: 0, rateLimit: 0, ...options });
  const client = createHaloClient({
    instanceUrl: sandbox.url,
    auth: { kind: "clientCredentials", clientId: sandbox.clientId, clientSecret: sandbox.clientSecret },
    rateLimit: false,
    ...clientOptions,
  });
  const control = (path: string, init?: RequestInit) => fetch(`${sandbox.url}/__sandbox/${path}`, init);
  return {
    sandbox,
    client,
    stats: async () => (await (await control("stats")).json()) as SandboxStats,
    setFaults: async (spec) => {
      const answer = await control("faults", { method: "POST", body: spec });
      if (!answer.ok) throw new Error(`sandbox refused faults "${spec}": ${await answer.text()}`);
    },
    records: async (entity) => {
      const { rows } = await listEntities(client, entity);
      return new Map(rows.map((r) => [Number(r.id), r]));
    },
    close: () => sandbox.close(),
  };
}

/** A sandbox plus a temporary folder for CSV files; close() removes both. */
export async function startCliSandbox(options: SandboxOptions = {}): Promise<BulkSandbox & { dir: string }> {
  const halo = await startBulkSandbox(options);
  const dir = await mkdtemp(join(tmpdir(), "halosheet-cli-"));
  return {
    ...halo,
    dir,
    close: async () => {
      await halo.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
