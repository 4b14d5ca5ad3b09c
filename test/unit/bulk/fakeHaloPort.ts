/**
 * A Halo port for engine tests: an in-memory table of records with scripted failures. Poison ids
 * make any batch holding them fail with 400 (saving nothing), like Halo; `faults` script what the
 * next posts do (time-out after or before applying, 429, auth failure); an optional latency per
 * post runs on the test's fake clock. Like the real port, every call goes through the client's one
 * retry layer (withRetry: 429s and refused connections are retried within the call's attempts),
 * and every attempt is reported through the call's onSend.
 */
import type { Clock } from "../../../src/halo/clock";
import { FakeClock } from "../../fakes/fakeClock";
import { HaloError } from "../../../src/halo/errors";
import { defaultRetryPolicy, isSafeMethod, withRetry, type RetryPolicy } from "../../../src/halo/retry";
import type { HaloPort, PortCall, PortPostResult } from "../../../src/bulk/haloPort";
import type { HaloObject } from "../../../src/bulk/payload";

export type Fault =
  | "timeoutAfterApply"
  | "timeoutBeforeApply"
  | "rateLimited"
  | "auth"
  | "refused"
  /** 502 from a proxy after Halo saved the batch. */
  | "badGatewayAfterApply"
  /** 504: the gateway gave up waiting while Halo went on and saved the batch. */
  | "gatewayTimeoutAfterApply"
  /** The connection dropped after the request went out, before Halo saved anything. */
  | "resetBeforeApply";

export class FakeHaloPort implements HaloPort {
  readonly records = new Map<number, HaloObject>();
  /** Every POST body, in order (including failed ones). */
  readonly posts: HaloObject[][] = [];
  /** How each post ended, parallel to `posts`: "ok", "rejected" (400) or the fault that fired. */
  readonly outcomes: (Fault | "ok" | "rejected")[] = [];
  readonly gets: number[] = [];
  /** Ids whose writes were applied, once per applied write. */
  readonly applied: number[] = [];
  readonly poison = new Set<number>();
  /** Ids whose field of this name holds a value of the wrong type: Halo's 400 names its JSON path. */
  readonly badField = new Map<number, string>();
  /** Faults for the next posts, first used first ("ok" for a normal post). */
  readonly faults: (Fault | "ok")[] = [];
  /** Fields Halo silently ignores (for verify-after-write). */
  readonly ignoredFields = new Set<string>();
  /** When true, a sent customfields list replaces the record's list (some Halo entities do this). */
  replacesCustomFields = true;
  latencyMs = 0;
  /** What the next read of a record throws, if anything (a test's fault dice). */
  readFault: (id: number) => HaloError | undefined = () => undefined;
  /** Called at the start of every post, e.g. to cancel or pause mid-run. */
  onPost: (postNumber: number) => void = () => {};
  /** Reads of many records at once (getMany) and of the newest records, one request each. */
  readonly manyReads: number[][] = [];
  readonly newestReads: number[] = [];
  /** The client's retry policy (jitter fixed so back-offs are exact). */
  retry: RetryPolicy = { ...defaultRetryPolicy, random: () => 0.5 };
  private nextId = 10_000;

  constructor(private readonly clock?: Clock) {}

  /** The client's retry layer around one request. */
  private call<T>(method: string, call: PortCall, once: () => Promise<T>): Promise<T> {
    if (!this.clock) throw new Error("FakeHaloPort needs a clock for its retry layer");
    return withRetry(
      isSafeMethod(method),
      () => {
        call.onSend?.();
        return once();
      },
      {
        policy: { ...this.retry, maxAttempts: call.maxAttempts ?? this.retry.maxAttempts },
        clock: this.clock,
        onRetry: call.onRetry,
      },
    );
  }

  seed(count: number, make: (id: number) => HaloObject = (id) => ({ id, name: `Client ${id}` })): this {
    for (let id = 1; id <= count; id++) this.records.set(id, make(id));
    return this;
  }

  post(entity: string, objects: HaloObject[], call: PortCall = {}): Promise<PortPostResult[]> {
    return this.call("POST", call, () => this.postOnce(entity, objects));
  }

  get(entity: string, id: number, call: PortCall = {}): Promise<HaloObject> {
    return this.call("GET", call, () => this.getOnce(entity, id));
  }

  getMany(_entity: string, ids: number[], call: PortCall = {}): Promise<Map<number, HaloObject>> {
    return this.call("GET", call, async () => {
      this.manyReads.push([...ids]);
      const found = new Map<number, HaloObject>();
      for (const id of ids) {
        const fault = this.readFault(id);
        if (fault) throw fault;
        const record = this.records.get(id);
        if (record) found.set(id, structuredClone(record));
      }
      return found;
    });
  }

  newest(_entity: string, count: number, call: PortCall = {}): Promise<HaloObject[]> {
    return this.call("GET", call, async () => {
      this.newestReads.push(count);
      const fault = this.readFault(0);
      if (fault) throw fault;
      return [...this.records.values()]
        .sort((a, b) => Number(b.id) - Number(a.id))
        .slice(0, count)
        .map((r) => structuredClone(r));
    });
  }

  private async postOnce(_entity: string, objects: HaloObject[]): Promise<PortPostResult[]> {
    this.posts.push(objects.map((o) => structuredClone(o)));
    this.onPost(this.posts.length);
    if (this.latencyMs > 0 && this.clock) await this.clock.sleep(this.latencyMs);
    const fault = this.faults.shift() ?? "ok";
    this.outcomes.push(fault);
    if (fault === "rateLimited")
      throw new HaloError("RateLimited", "429 Too Many Requests", { status: 429, retryAfterMs: 2000 });
    if (fault === "auth") throw new HaloError("Auth", "The client secret was refused.", { status: 401 });
    if (fault === "refused") throw refused();
    if (fault === "timeoutBeforeApply") throw timeout();
    if (fault === "resetBeforeApply")
      throw new HaloError("Network", "The connection was reset", { mayHaveApplied: true });
    const typeError = objects.findIndex((o) => typeof o.id === "number" && this.badField.has(o.id));
    if (typeError >= 0) {
      this.outcomes[this.outcomes.length - 1] = "rejected";
      const field = this.badField.get(objects[typeError].id as number) as string;
      throw new HaloError(
        "Validation",
        `Halo answered 400 to POST /api/Client: Could not convert string to integer: abc. Path '[${typeError}].${field}'.`,
        { status: 400 },
      );
    }
    const bad = objects.find((o) => typeof o.id === "number" && this.poison.has(o.id));
    if (bad) {
      this.outcomes[this.outcomes.length - 1] = "rejected";
      throw new HaloError("Validation", `Record ${String(bad.id)}: name is not valid`, { status: 400 });
    }
    const results = objects.map((o, index) => ({ index, ...this.apply(o) }));
    if (fault === "timeoutAfterApply") throw timeout();
    if (fault === "gatewayTimeoutAfterApply")
      throw new HaloError("Server", "Halo answered 504", { status: 504, mayHaveApplied: true });
    if (fault === "badGatewayAfterApply")
      throw new HaloError("Server", "Halo answered 502", { status: 502, mayHaveApplied: true });
    return results;
  }

  private async getOnce(_entity: string, id: number): Promise<HaloObject> {
    this.gets.push(id);
    const fault = this.readFault(id);
    if (fault) throw fault;
    const record = this.records.get(id);
    if (!record) throw new HaloError("NotFound", `No record ${id}`, { status: 404 });
    return structuredClone(record);
  }

  private apply(object: HaloObject): { id: number; record: HaloObject } {
    const isCreate = typeof object.id !== "number" || object.id <= 0;
    const id = isCreate ? this.nextId++ : (object.id as number);
    const record = this.records.get(id) ?? { id };
    for (const [field, value] of Object.entries(object)) {
      if (field.startsWith("_") || this.ignoredFields.has(field)) continue;
      if (field === "customfields" && !this.replacesCustomFields)
        record.customfields = mergeById(record.customfields, value);
      else record[field] = structuredClone(value);
    }
    record.id = id;
    this.records.set(id, record);
    this.applied.push(id);
    return { id, record: structuredClone(record) };
  }
}

function timeout(): HaloError {
  return new HaloError("Timeout", "No answer within 60 s", { mayHaveApplied: true });
}

function mergeById(current: unknown, sent: unknown): unknown {
  const list = Array.isArray(current) ? [...(current as HaloObject[])] : [];
  for (const entry of sent as HaloObject[]) {
    const at = list.findIndex((e) => e.id === entry.id);
    if (at >= 0) list[at] = { ...list[at], value: entry.value };
    else list.push(entry);
  }
  return list;
}

/** What the client says when the connection is refused (transportErrors.ts): a sentence, with its period. */
function refused(): HaloError {
  return new HaloError(
    "Network",
    "No answer from acme.halopsa.com for POST /api/Client (connection refused).",
    {
      mayHaveApplied: false,
    },
  );
}

/** A fake clock and a port holding clients 1..count (named "Client N"): the start of most run tests. */
export function portWithClients(count = 20): { clock: FakeClock; port: FakeHaloPort } {
  const clock = new FakeClock();
  return { clock, port: new FakeHaloPort(clock).seed(count) };
}
