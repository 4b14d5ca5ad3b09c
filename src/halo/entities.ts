/**
 * Entity reads and writes by entity name ("Client", "Asset"), with paths and list wrappers from the
 * generated schema. post() normalises Halo's answer shapes (one object, an array, a wrapper, nothing)
 * into one result per object sent.
 */
import type { HaloClient, QueryValue, RequestOptions } from "./client";
import {
  walkPages,
  rowsOf,
  MAX_PAGE_SIZE,
  type HaloRecord,
  type PageInfo,
  type WalkResult,
} from "./paginate";
import { asObject } from "./json";
import { HaloError } from "./errors";
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

/** What a caller may pass on to each request of an entity call: abort, attempts, and what it sees. */
export type CallOptions = Pick<RequestOptions, "signal" | "maxAttempts" | "onSend" | "onRetry">;

export async function getEntity(
  client: Pick<HaloClient, "request">,
  entity: string,
  id: number,
  options: CallOptions & { includeDetails?: boolean } = {},
): Promise<HaloRecord> {
  const schema = entitySchema(entity);
  const { includeDetails, ...call } = options;
  const query = includeDetails === false ? {} : { includedetails: true };
  const record = await client.request<HaloRecord>("GET", `${schema.path}/${encodeURIComponent(id)}`, {
    ...call,
    query,
  });
  return record ?? {};
}

/**
 * The list filter that selects records by a comma-separated list of ids, per entity, from Halo's
 * OpenAPI file: only these lists have one (`ticketids` on Tickets and Opportunities, `ids` on Team).
 * Every other entity is read one record at a time.
 */
const ID_LIST_FILTERS: Readonly<Record<string, string>> = {
  Tickets: "ticketids",
  Opportunities: "ticketids",
  Team: "ids",
};

/** Whether `entity` can be read many records per request (see ID_LIST_FILTERS). */
export function hasIdListFilter(entity: string): boolean {
  return entitySchema(entity).entity in ID_LIST_FILTERS;
}

/**
 * Records by id in as few requests as Halo allows: a list filtered by ids (100 per page) where the
 * entity has such a filter, else one GET each (with details). A list row holds the record's plain
 * fields, not its custom fields: pass `needDetails` when those matter, to read one by one.
 * Ids Halo does not return are absent from the map.
 */
export async function getEntities(
  client: Pick<HaloClient, "request">,
  entity: string,
  ids: readonly number[],
  options: CallOptions & { needDetails?: boolean } = {},
): Promise<Map<number, HaloRecord>> {
  const schema = entitySchema(entity);
  const { needDetails, ...call } = options;
  const found = new Map<number, HaloRecord>();
  const filter = ID_LIST_FILTERS[schema.entity];
  if (filter === undefined || needDetails === true) {
    for (const id of ids) {
      try {
        found.set(id, await getEntity(client, entity, id, call));
      } catch (error) {
        if (!(error instanceof HaloError && error.kind === "NotFound")) throw error;
      }
    }
    return found;
  }
  for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
    const chunk = ids.slice(start, start + MAX_PAGE_SIZE);
    const answer = await client.request<unknown>("GET", schema.path, {
      ...call,
      query: { [filter]: chunk.join(","), pageinate: true, page_size: chunk.length, page_no: 1 },
    });
    for (const row of rowsOf(answer, schema.wrapper)) {
      const id = Number(row.id);
      if (chunk.includes(id)) found.set(id, row);
    }
  }
  return found;
}

/**
 * Lists whose GET takes no `order`/`orderdesc`/`pageinate` in Halo's OpenAPI file: their newest
 * records cannot be asked for.
 */
const UNORDERED_LISTS: ReadonlySet<string> = new Set(["Actions", "Agent", "Project", "Team", "Status"]);

/**
 * The `count` most recently created records (highest ids first), in one request; undefined when
 * the entity's list cannot be ordered (UNORDERED_LISTS).
 */
export async function newestEntities(
  client: Pick<HaloClient, "request">,
  entity: string,
  count: number,
  options: CallOptions = {},
): Promise<HaloRecord[] | undefined> {
  const schema = entitySchema(entity);
  if (UNORDERED_LISTS.has(schema.entity)) return undefined;
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, count));
  const answer = await client.request<unknown>("GET", schema.path, {
    ...options,
    query: { order: "id", orderdesc: true, pageinate: true, page_size: pageSize, page_no: 1 },
  });
  return rowsOf(answer, schema.wrapper);
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
  options: CallOptions & { timeoutMs?: number } = {},
): Promise<PostResult[]> {
  const schema = entitySchema(entity);
  if (objects.length === 0) return [];
  const answer = await client.request<unknown>("POST", schema.path, { ...options, body: objects });
  return normalisePostAnswer(objects, answer, schema.wrapper);
}
