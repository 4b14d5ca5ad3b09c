/**
 * A sandbox Halo for measured runs: its own port, its clock the simulated one, `clients` records
 * created up front outside any measurement. Each measured run opens a `session`: a fresh metered
 * wire and HaloSheet client, after the rate window has emptied, with the scenario's faults on.
 * `names()` reads the final state through a quiet side door (no latency, no faults, not counted).
 */
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { createHaloClient, postEntities, RateLimiter, runSql, type HaloClient } from "../../src/halo";
import { HALO_LIMIT } from "./floor";
import { SimClock } from "./simClock";
import { heldFetch, Wire } from "./wire";

export interface SandboxStats {
  totalRequests: number;
  rowsWritten: { created: number; updated: number };
  rateLimited: number;
  faults: Record<string, number>;
}

export interface Session {
  wire: Wire;
  /** HaloSheet's client: default retry policy and rate limiter, on the wire. */
  client: HaloClient;
  /** Sandbox counters since the session opened. */
  stats(): Promise<SandboxStats>;
  /** Faults and spurious 429s off, for reading the final state. */
  calm(): Promise<void>;
}

export interface BenchHalo {
  sandbox: RunningSandbox;
  clock: SimClock;
  /** Ids of the records created in the set-up, ascending. */
  ids: number[];
  session(options?: { faults?: string; spurious429?: number }): Promise<Session>;
  /** Every Client's name by id, read in one report request off the wire. */
  names(): Promise<Map<number, string>>;
  close(): Promise<void>;
}

const SETUP_BATCH = 1000;

export async function startBenchHalo(options: {
  clients: number;
  tokenTtlSeconds?: number;
}): Promise<BenchHalo> {
  const clock = new SimClock();
  const sandbox = await startSandbox({
    port: 0,
    seed: 0,
    rateLimit: { requests: HALO_LIMIT.requests, windowMs: HALO_LIMIT.windowMs },
    tokenTtl: options.tokenTtlSeconds ?? 3600,
    now: () => clock.now(),
  });
  const auth = {
    kind: "clientCredentials" as const,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
  };
  const side = createHaloClient({
    instanceUrl: sandbox.url,
    auth,
    fetch: heldFetch(clock),
    clock,
    rateLimit: false,
  });
  const control = (path: string, init?: RequestInit) => fetch(`${sandbox.url}/__sandbox/${path}`, init);
  const setFaults = async (spec: string) => {
    const answer = await control("faults", { method: "POST", body: spec });
    if (!answer.ok) throw new Error(`sandbox refused faults "${spec}": ${await answer.text()}`);
  };
  const rawStats = async () => (await (await control("stats")).json()) as SandboxStats;

  for (let made = 0; made < options.clients; made += SETUP_BATCH) {
    const count = Math.min(SETUP_BATCH, options.clients - made);
    await postEntities(
      side,
      "Client",
      Array.from({ length: count }, (_, i) => ({ name: `Client ${made + i + 1}` })),
    );
  }
  const names = async (): Promise<Map<number, string>> => {
    // Let earlier requests leave the rate window so the read finds room.
    await clock.sleep(HALO_LIMIT.windowMs);
    const { rows } = await runSql(side, "SELECT id, name FROM Area ORDER BY id");
    return new Map(rows.map((r) => [Number(r.id), String(r.name)]));
  };
  const ids = [...(await names()).keys()];
  return {
    sandbox,
    clock,
    ids,
    names,
    session: async ({ faults, spurious429 } = {}) => {
      await clock.sleep(HALO_LIMIT.windowMs);
      await setFaults(faults ?? "");
      const wire = new Wire({ clock, latencyMs: HALO_LIMIT.latencyMs, spurious429: spurious429 ?? 0 });
      // Its own limiter: a new session is a new push, not the rest of the last one.
      const client = createHaloClient({
        instanceUrl: sandbox.url,
        auth,
        fetch: wire.fetch,
        clock,
        rateLimit: new RateLimiter(clock, { limit: HALO_LIMIT.requests, windowMs: HALO_LIMIT.windowMs }),
      });
      const atStart = await rawStats();
      return {
        wire,
        client,
        calm: async () => {
          wire.calm();
          await setFaults("");
        },
        stats: async () => {
          const now = await rawStats();
          const faultsFired: Record<string, number> = {};
          for (const [kind, n] of Object.entries(now.faults))
            faultsFired[kind] = n - (atStart.faults[kind] ?? 0);
          return {
            totalRequests: now.totalRequests - atStart.totalRequests,
            rowsWritten: {
              created: now.rowsWritten.created - atStart.rowsWritten.created,
              updated: now.rowsWritten.updated - atStart.rowsWritten.updated,
            },
            rateLimited: now.rateLimited - atStart.rateLimited,
            faults: faultsFired,
          };
        },
      };
    },
    close: () => sandbox.close(),
  };
}
