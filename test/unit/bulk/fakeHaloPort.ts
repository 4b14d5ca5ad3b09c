/**
 * A Halo port for engine tests: an in-memory table of records with scripted failures. Poison ids
 * make any batch holding them fail with 400 (saving nothing), like Halo; `faults` script what the
 * next posts do (time-out after or before applying, 429, auth failure); an optional latency per
 * post runs on the test's fake clock.
 */
import type { Clock } from "../../../src/halo/clock";
import { HaloError } from "../../../src/halo/errors";
import type { HaloPort, PortPostResult } from "../../../src/bulk/haloPort";
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
  private nextId = 10_000;

  constructor(private readonly clock?: Clock) {}

  seed(count: number, make: (id: number) => HaloObject = (id) => ({ id, name: `Client ${id}` })): this {
    for (let id = 1; id <= count; id++) this.records.set(id, make(id));
    return this;
  }

  async post(_entity: string, objects: HaloObject[]): Promise<PortPostResult[]> {
    this.posts.push(objects.map((o) => structuredClone(o)));
    this.onPost(this.posts.length);
    if (this.latencyMs > 0 && this.clock) await this.clock.sleep(this.latencyMs);
    const fault = this.faults.shift() ?? "ok";
    this.outcomes.push(fault);
    if (fault === "rateLimited")
      throw new HaloError("RateLimited", "429 Too Many Requests", { status: 429, retryAfterMs: 2000 });
    if (fault === "auth") throw new HaloError("Auth", "The client secret was refused.", { status: 401 });
    if (fault === "refused") throw new HaloError("Network", "Connection refused", { mayHaveApplied: false });
    if (fault === "timeoutBeforeApply") throw timeout();
    if (fault === "resetBeforeApply")
      throw new HaloError("Network", "The connection was reset", { mayHaveApplied: true });
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

  async get(_entity: string, id: number): Promise<HaloObject> {
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
