/**
 * The two ways people push to Halo without HaloSheet, written as they are usually written, over the
 * same wire and clock as HaloSheet so every count compares:
 * - one request per row (scripts, the PowerShell module): POST [row]; on 429 wait Retry-After and
 *   send again; on a 5xx or a dropped connection try again up to 3 times; on 401 get a new token.
 * - one request with every row (the Postman guide): POST the whole array; on 429, 5xx or a dropped
 *   connection press Send again; on a 400 naming a row (Path '[i]...') take that row out and send
 *   again; on a 400 naming no row, give up (nothing was saved).
 */
import type { Clock, FetchFn } from "../../src/halo";

export type Row = Record<string, unknown>;

export interface Target {
  url: string;
  clientId: string;
  clientSecret: string;
  entity: string;
  fetch: FetchFn;
  clock: Clock;
}

export interface BaselineResult {
  /** Rows the approach believes saved, by index. */
  saved: Set<number>;
  failed: Set<number>;
}

/** Some attempt count must end a script; a person gives up long before this. */
const MAX_ATTEMPTS = 200;

async function token(target: Target): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await target.fetch(`${target.url}/auth/token`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: target.clientId,
          client_secret: target.clientSecret,
          scope: "all",
        }).toString(),
      });
      if (answer.ok) return ((await answer.json()) as { access_token: string }).access_token;
      if (attempt >= 3) throw new Error(`token: ${answer.status}`);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
    await target.clock.sleep(1000);
  }
}

type Outcome =
  | { kind: "ok" }
  | { kind: "status"; status: number; retryAfterMs?: number; text: string }
  | { kind: "dropped" };

async function post(target: Target, bearer: string, rows: Row[]): Promise<Outcome> {
  try {
    const answer = await target.fetch(`${target.url}/api/${target.entity}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
      body: JSON.stringify(rows),
    });
    const text = await answer.text();
    if (answer.ok) return { kind: "ok" };
    const retryAfter = Number(answer.headers.get("Retry-After"));
    return {
      kind: "status",
      status: answer.status,
      text,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  } catch {
    return { kind: "dropped" };
  }
}

export async function onePerRow(target: Target, rows: Row[]): Promise<BaselineResult> {
  const result: BaselineResult = { saved: new Set(), failed: new Set() };
  let bearer = await token(target);
  for (const [index, row] of rows.entries()) {
    let failures = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const outcome = await post(target, bearer, [row]);
      if (outcome.kind === "ok") {
        result.saved.add(index);
        break;
      }
      if (outcome.kind === "status" && outcome.status === 401) {
        bearer = await token(target);
        continue;
      }
      if (outcome.kind === "status" && outcome.status === 429) {
        await target.clock.sleep(outcome.retryAfterMs ?? 60_000);
        continue;
      }
      if (outcome.kind === "status" && outcome.status < 500) {
        result.failed.add(index);
        break;
      }
      if (++failures > 3) {
        result.failed.add(index);
        break;
      }
      await target.clock.sleep(1000);
    }
  }
  return result;
}

const ROW_PATH = /Path '\[(\d+)\]/;

export async function everyRowInOne(target: Target, rows: Row[]): Promise<BaselineResult> {
  const result: BaselineResult = { saved: new Set(), failed: new Set() };
  let pending = rows.map((_, index) => index);
  let bearer = await token(target);
  for (let attempt = 0; attempt < MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const outcome = await post(
      target,
      bearer,
      pending.map((i) => rows[i]),
    );
    if (outcome.kind === "ok") {
      for (const i of pending) result.saved.add(i);
      pending = [];
    } else if (outcome.kind === "status" && outcome.status === 401) bearer = await token(target);
    else if (outcome.kind === "status" && outcome.status === 429)
      await target.clock.sleep(outcome.retryAfterMs ?? 60_000);
    else if (outcome.kind === "status" && outcome.status === 400) {
      const at = ROW_PATH.exec(outcome.text);
      if (!at) break;
      result.failed.add(pending[Number(at[1])]);
      pending = pending.filter((_, position) => position !== Number(at[1]));
    } else await target.clock.sleep(1000);
  }
  for (const i of pending) result.failed.add(i);
  return result;
}
