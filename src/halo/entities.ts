/**
 * Entity reads and writes by entity name ("Client", "Asset"), with paths and list wrappers from the
 * generated schema. post() normalises Halo's answer shapes (one object, an array, a wrapper, nothing)
 * into one result per object sent.
 */
import type { HaloClient, QueryValue } from "./client";
import { walkPages, rowsOf, type HaloRecord, type PageInfo, type WalkResult } from "./paginate";
import { asObject } from "./json";
import { entitySchema } from "./schema";

export interface ListOptions {
  query?: Record<string, QueryValue>;
  pageSize?: number;
  onPage?: (page: PageInfo) => void | Promise<void>;
  signal?: AbortSignal;
}

export function listEntities(
  client: Pick<HaloClient, "request">,
  entity: string,
  options: ListOptions = {},
): Promise<WalkResult> {
  const schema = entitySchema(entity);
  return walkPages(client, schema.path, { ...options, wrapper: schema.wrapper });
}

export async function getEntity(
  client: Pick<HaloClient, "request">,
  entity: string,
  id: number,
  options: { includeDetails?: boolean; signal?: AbortSignal } = {},
): Promise<HaloRecord> {
  const schema = entitySchema(entity);
  const query = options.includeDetails === false ? {} : { includedetails: true };
  const record = await client.request<HaloRecord>("GET", `${schema.path}/${encodeURIComponent(id)}`, {
    query,
    signal: options.signal,
  });
  return record ?? {};
}

export interface PostResult {
  /** Position of the object in the array sent. */
  index: number;
  /** The saved record's id (or the id sent, for an update Halo answered without a body). */
  id?: number;
  /** The saved record when Halo returned it. */
  record?: HaloRecord;
}

function positiveId(value: unknown): number | undefined {
  const id = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof id === "number" && Number.isInteger(id) && id > 0 ? id : undefined;
}

function answerRecords(answer: unknown, wrapper: string): HaloRecord[] {
  if (Array.isArray(answer))
    return answer.filter((r): r is HaloRecord => typeof r === "object" && r !== null);
  const record = asObject(answer);
  if (record === undefined) return [];
  if (Array.isArray(record[wrapper])) return rowsOf(record, wrapper);
  // A saved record carries its id and may hold arrays of its own (customfields): only an object
  // without an id can be a wrapper under another name.
  const wrapped = record.id === undefined ? rowsOf(record) : [];
  return wrapped.length > 0 ? wrapped : [record];
}

/**
 * Pairs records with the objects sent: by position when the counts agree, else updates by id and
 * the remaining records with the creates in order.
 */
export function normalisePostAnswer(objects: HaloRecord[], answer: unknown, wrapper: string): PostResult[] {
  const records = answerRecords(answer, wrapper);
  const paired: (HaloRecord | undefined)[] = new Array<HaloRecord | undefined>(objects.length);
  if (records.length === objects.length) {
    records.forEach((record, index) => (paired[index] = record));
  } else {
    const unused = [...records];
    objects.forEach((object, index) => {
      const id = positiveId(object.id);
      const at = id === undefined ? -1 : unused.findIndex((r) => positiveId(r.id) === id);
      if (at >= 0) paired[index] = unused.splice(at, 1)[0];
    });
    // Records left over can only be the creates (an update's record carries its own id).
    objects.forEach((object, index) => {
      if (positiveId(object.id) === undefined && unused.length > 0) paired[index] = unused.shift();
    });
  }
  return objects.map((object, index) => {
    const record = paired[index];
    const result: PostResult = { index };
    const id = positiveId(record?.id) ?? positiveId(object.id);
    if (id !== undefined) result.id = id;
    if (record !== undefined) result.record = record;
    return result;
  });
}

export async function postEntities(
  client: Pick<HaloClient, "request">,
  entity: string,
  objects: HaloRecord[],
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<PostResult[]> {
  const schema = entitySchema(entity);
  if (objects.length === 0) return [];
  const answer = await client.request<unknown>("POST", schema.path, {
    body: objects,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return normalisePostAnswer(objects, answer, schema.wrapper);
}
