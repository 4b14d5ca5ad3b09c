/**
 * The /api routes after the gate (auth, scope, rate limit, faults): authinfo, reports and entities.
 * Paths are matched case-insensitively, as ASP.NET routes them.
 */
import { getEntity, listEntity, postEntity, type EntityRouteContext } from "./entityRoutes";
import { json, text, type Query, type Reply } from "./http";
import { getReportRoute, listReportsRoute, postReportRoute, reportDataRoute } from "./reportRoutes";
import { findEntity } from "./schema";
import type { SandboxState } from "./state";

export interface ApiRequest {
  method: string;
  /** Path segments after /api: ["Client", "12"]. */
  segments: string[];
  query: Query;
  body: string;
  /** Base URL the caller used ("http://127.0.0.1:4010"), for authinfo. */
  baseUrl: string;
}

/** Which API resource a path names, for scopes and stats: "Client", "Report", or undefined when unknown. */
export function apiResource(segments: string[]): string | undefined {
  const first = (segments[0] ?? "").toLowerCase();
  if (first === "authinfo") return "AuthInfo";
  if (first === "report") return "Report";
  if (first === "reportdata") return "ReportData";
  return findEntity(first)?.entity;
}

function notFound(path: string): Reply {
  return text(404, `No HTTP resource was found that matches the request URI '${path}'.`);
}

function methodNotAllowed(method: string): Reply {
  return text(405, `The requested resource does not support http method '${method}'.`);
}

export function authInfo(baseUrl: string): Reply {
  return json(200, { auth_url: `${baseUrl}/auth`, api_url: `${baseUrl}/api` });
}

export function handleApi(state: SandboxState, request: ApiRequest): Reply {
  const { method, segments, query } = request;
  const path = `/api/${segments.join("/")}`;
  const resource = apiResource(segments);
  if (resource === undefined || segments.length > 2) return notFound(path);
  const id = segments[1];
  const db = state.db;

  if (resource === "Report") {
    if (method === "GET")
      return id === undefined ? listReportsRoute(db, query) : getReportRoute(db, id, query);
    if (method === "POST" && id === undefined) {
      const reply = postReportRoute(db, request.body);
      state.scheduleSave();
      return reply;
    }
    return methodNotAllowed(method);
  }
  if (resource === "ReportData") {
    if (method !== "GET") return methodNotAllowed(method);
    return id === undefined ? notFound(path) : reportDataRoute(db, id);
  }
  const schema = findEntity(resource);
  if (schema === undefined) return notFound(path);
  const ctx: EntityRouteContext = {
    db,
    store: state.store,
    isPoisoned: (body) => state.faults.isPoisoned(body),
    recordWrites: (entity, created, updated) => {
      state.stats.recordWrites(entity, created, updated);
      state.scheduleSave();
    },
  };
  if (method === "GET")
    return id === undefined ? listEntity(ctx, schema, query) : getEntity(ctx, schema, id, query);
  if (method === "POST" && id === undefined) return postEntity(ctx, schema, request.body);
  return methodNotAllowed(method);
}
