/** GET list, GET one and POST for every entity of the schema: /api/<Entity>[/<id>]. */
import type { Database } from "./database";
import type { EntityStore, ListOptions } from "./entityStore";
import { json, SandboxHttpError, text, type Query, type Reply } from "./http";
import { listBody, readPaging } from "./paging";
import { parseJsonBody, preparePost, requireArray } from "./postBody";
import type { EntitySchema } from "./schema";

const FILTER_PARAMS = [
  "client_id",
  "site_id",
  "user_id",
  "agent_id",
  "supplier_id",
  "toplevel_id",
  "assettype_id",
];

/** The list filters that select by a comma-separated id list, per entity, as in Halo's OpenAPI file. */
const ID_LIST_PARAMS: Readonly<Record<string, string>> = {
  Tickets: "ticketids",
  Opportunities: "ticketids",
  Team: "ids",
};

function idList(schema: EntitySchema, query: Query): number[] | undefined {
  const param = ID_LIST_PARAMS[schema.entity];
  const text = param === undefined ? undefined : query.get(param);
  if (text === undefined || text.trim() === "") return undefined;
  return text
    .split(",")
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id));
}

export interface EntityRouteContext {
  db: Database;
  store: EntityStore;
  isPoisoned(body: unknown): boolean;
  recordWrites(entity: string, created: number, updated: number): void;
}

export function listEntity(ctx: EntityRouteContext, schema: EntitySchema, query: Query): Reply {
  const paging = readPaging(query);
  const filters: Record<string, number> = {};
  for (const name of FILTER_PARAMS) {
    const value = query.int(name);
    if (value !== undefined) filters[name] = value;
  }
  const options: ListOptions = {
    search: query.get("search"),
    filters,
    includeInactive: query.flag("includeinactive"),
    order: query.get("order"),
    orderDesc: query.flag("orderdesc"),
    ids: idList(schema, query),
  };
  const recordCount = ctx.store.count(schema, options);
  const rows = ctx.store.list(schema, { ...options, limit: paging.limit, offset: paging.offset });
  return json(200, listBody(schema.wrapper, paging, recordCount, rows));
}

export function parseId(segment: string): number {
  if (!/^\d+$/.test(segment)) throw new SandboxHttpError(400, `The value '${segment}' is not valid.`);
  return Number(segment);
}

export function getEntity(
  ctx: EntityRouteContext,
  schema: EntitySchema,
  idText: string,
  query: Query,
): Reply {
  const record = ctx.store.get(schema, parseId(idText), query.flag("includedetails"));
  if (record === undefined) return text(404, `${schema.entity} ${idText} not found.`);
  return json(200, record);
}

export function postEntity(ctx: EntityRouteContext, schema: EntitySchema, bodyText: string): Reply {
  const items = requireArray(parseJsonBody(bodyText), schema.model);
  if (ctx.isPoisoned(items)) {
    // Like Halo, one bad value fails the whole request without saying which object.
    return text(
      400,
      `An error occurred while saving the ${schema.entity}. Please check the values and try again.`,
    );
  }
  const { writes, validateOnly } = preparePost(ctx.db, schema, items);
  for (const [index, write] of writes.entries()) {
    if (write.id !== undefined && !ctx.store.exists(schema, write.id)) {
      return text(400, `${schema.entity} with id ${write.id} does not exist. Path '[${index}].id'.`);
    }
  }
  const result = ctx.store.save(schema, writes, !validateOnly);
  if (!validateOnly) ctx.recordWrites(schema.entity, result.created, result.updated);
  const body = result.records.length === 1 ? result.records[0] : result.records;
  return json(result.created > 0 && !validateOnly ? 201 : 200, body);
}
