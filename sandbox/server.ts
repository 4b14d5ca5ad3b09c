/**
 * startSandbox: a local Halo instance on node:http. One request runs: CORS preflight, then the sandbox
 * control routes (/__sandbox), the authorisation server (/auth) or the API (/api: gate, faults, route).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiResource, authInfo, handleApi } from "./apiRoutes";
import { authorizeRoute, tokenRoute } from "./authRoutes";
import { corsHeaders, preflightHeaders } from "./cors";
import { passGate } from "./gate";
import { controlRoute } from "./controlRoutes";
import { Query, readBody, SandboxHttpError, text, writeReply, type Reply } from "./http";
import { resolveOptions, type SandboxOptions } from "./options";
import { SandboxState } from "./state";

export type { SandboxOptions } from "./options";

export interface RunningSandbox {
  /** Instance URL, e.g. "http://127.0.0.1:4010" (API under /api, auth under /auth). */
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** A reply, or "reset": the connection is destroyed without an answer (after the work was done). */
type Outcome = Reply | "reset";

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

function errorReply(error: unknown): Reply {
  if (error instanceof SandboxHttpError)
    return { status: error.status, body: error.body, headers: error.headers };
  return text(500, "An error occurred. Please try again later.");
}

/** "GET /api/Client/{id}": a bounded key per route for the stats. */
function routeKey(method: string, segments: string[]): string {
  if (segments[0]?.toLowerCase() === "api" && segments.length >= 2) {
    const resource = apiResource(segments.slice(1)) ?? "(unknown)";
    return `${method} /api/${resource}${segments.length > 2 ? "/{id}" : ""}`;
  }
  const known = [
    "/auth/token",
    "/auth/authorize",
    "/__sandbox/stats",
    "/__sandbox/reset",
    "/__sandbox/faults",
    "/__sandbox/rate-limit",
  ];
  const path = `/${segments.join("/")}`.toLowerCase();
  return `${method} ${known.includes(path) ? path : "(unknown)"}`;
}

/** Retry-After of an injected 429 (fault `429`): a gateway shedding load asks for a short wait. */
const SPURIOUS_RETRY_AFTER_S = "1";

async function apiRoute(
  state: SandboxState,
  req: IncomingMessage,
  segments: string[],
  query: Query,
  body: string,
): Promise<Outcome> {
  const method = req.method ?? "GET";
  const rest = segments.slice(1);
  const baseUrl = `http://${req.headers.host ?? `${state.config.host}:${state.config.port}`}`;
  if (rest.length === 1 && rest[0].toLowerCase() === "authinfo") return authInfo(baseUrl);
  const resource = apiResource(rest);
  if (resource !== undefined) {
    const gate = passGate(state, req.headers.authorization, resource, method !== "GET");
    if (!gate.admitted) return gate.reply;
  } else if (!state.tokens.check(req.headers.authorization).ok) {
    return { status: 401, body: "Unauthorized", headers: { "WWW-Authenticate": "Bearer" } };
  }
  const { faults, config } = state;
  if (faults.roll("429", method))
    return { ...text(429, "Too Many Requests"), headers: { "Retry-After": SPURIOUS_RETRY_AFTER_S } };
  if (faults.roll("503", method)) return text(503, "Service Unavailable");
  if (faults.roll("500", method)) return text(500, "An error occurred. Please try again later.");
  const { min, max } = config.latencyMs;
  await sleep(
    min + Math.floor(Math.random() * (max - min + 1)) + (faults.roll("slow", method) ? faults.slowMs : 0),
  );
  let reply: Reply;
  try {
    reply = handleApi(state, { method, segments: rest, query, body, baseUrl });
  } catch (error) {
    reply = errorReply(error);
  }
  if (faults.roll("reset", method)) return "reset";
  if (faults.roll("502", method)) return { ...text(502, "Bad Gateway"), contentType: "text/html" };
  return reply;
}

async function route(state: SandboxState, req: IncomingMessage, url: URL, body: string): Promise<Outcome> {
  const method = req.method ?? "GET";
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const head = segments[0]?.toLowerCase();
  const config = state.config;
  if (head === "__sandbox" && segments.length === 2) return controlRoute(state, method, segments[1], body);
  if (head === "auth" && segments.length === 2) {
    const name = segments[1].toLowerCase();
    if (name === "token" && method === "POST")
      return tokenRoute(config, state.tokens, body, req.headers.authorization);
    if (name === "authorize" && method === "GET")
      return authorizeRoute(config, state.tokens, method, url.searchParams);
    if (name === "authorize" && method === "POST") {
      return authorizeRoute(config, state.tokens, method, new URLSearchParams(body));
    }
  }
  if (head === "api" && segments.length >= 2)
    return apiRoute(state, req, segments, new Query(url.searchParams), body);
  return text(404, `No HTTP resource was found that matches the request URI '${url.pathname}'.`);
}

async function handle(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://sandbox.invalid");
  const segments = url.pathname.split("/").filter((s) => s !== "");
  const key = routeKey(method, segments);
  const origins = state.config.corsOrigins;
  const origin = req.headers.origin;
  let outcome: Outcome;
  try {
    const body = await readBody(req);
    if (method === "OPTIONS") {
      const requested = req.headers["access-control-request-headers"];
      outcome = { status: 204, body: null, headers: preflightHeaders(origin, origins, requested) };
    } else {
      outcome = await route(state, req, url, body);
    }
  } catch (error) {
    outcome = errorReply(error);
  }
  if (outcome === "reset") {
    state.stats.recordRequest(key, "reset");
    req.socket.destroy();
    return;
  }
  state.stats.recordRequest(key, outcome.status);
  writeReply(res, outcome, method === "OPTIONS" ? {} : corsHeaders(origin, origins));
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts a sandbox; options mirror the CLI flags (see options.ts). Port 0 picks a free port. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const config = resolveOptions(options);
  const state = await SandboxState.create(config);
  const server = createServer((req, res) => {
    handle(state, req, res).catch(() => {
      if (!res.headersSent) writeReply(res, text(500, "An error occurred. Please try again later."), {});
    });
  });
  server.keepAliveTimeout = 5000;
  const port = await listen(server, config.port, config.host);
  config.port = port;
  const hostForUrl = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => {
        try {
          state.close();
        } catch (closeError) {
          reject(closeError instanceof Error ? closeError : new Error(String(closeError)));
          return;
        }
        if (error) reject(error);
        else resolve();
      });
      server.closeAllConnections();
    });
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    close: () => (closing ??= close()),
  };
}
