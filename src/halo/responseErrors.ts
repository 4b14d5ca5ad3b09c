/**
 * Turns a Halo error answer into a HaloError with Halo's own message (redacted). Halo answers 400s
 * with plain text, a JSON string, or a JSON object whose message field varies by endpoint.
 */
import { HaloError, type HaloErrorKind } from "./errors";
import type { Redactor } from "./redact";

const MESSAGE_KEYS = ["message", "Message", "error_description", "errorDescription", "title", "error"];
const MAX_MESSAGE = 500;

/** Halo's message from an error body, or "" when it has none. */
export function haloMessage(body: string): string {
  const text = body.trim();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // plain text
  }
  if (typeof parsed === "object" && parsed !== null) {
    const record = parsed as Record<string, unknown>;
    const key = MESSAGE_KEYS.find((k) => typeof record[k] === "string" && record[k] !== "");
    parsed = key === undefined ? text : record[key];
  }
  const message = typeof parsed === "string" ? parsed : text;
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/** Retry-After as ms from now: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function kindOf(status: number): HaloErrorKind {
  if (status === 401) return "Auth";
  if (status === 403) return "Permission";
  if (status === 404) return "NotFound";
  if (status === 429) return "RateLimited";
  if (status >= 500) return "Server";
  return "Validation";
}

/**
 * Whether a request answered with this status can have changed anything. 429 and 503 come from the
 * front door before processing; 4xx refusals reject the whole request. Other 5xx (500, 502, 504) may
 * arrive after Halo saved some or all of it.
 */
function mayHaveApplied(status: number): boolean {
  return status >= 500 && status !== 503;
}

export interface ErrorAnswer {
  status: number;
  body: string;
  retryAfter: string | null;
}

/** A web page rather than Halo's JSON or text: a proxy, a login page, or not Halo at all. */
export function looksLikeHtml(body: string): boolean {
  return /^\s*<(!doctype\s+html|html|head|body)\b/i.test(body) || /<\/(html|body)>\s*$/i.test(body);
}

/** Gateways put their own page in front of a Halo that is down or restarting. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/** What to say about a web page answer: never the page itself. */
export function htmlAnswerMessage(status: number, label: string): string {
  if (GATEWAY_STATUSES.has(status))
    return `A gateway answered ${status} to ${label} with a web page: Halo may be down or restarting; try again later.`;
  return `The server answered ${status} to ${label}, but this does not look like a Halo instance (it answered HTML): check the instance URL.`;
}

export function errorFromResponse(
  answer: ErrorAnswer,
  label: string,
  nowMs: number,
  redactor: Redactor,
): HaloError {
  const { status } = answer;
  const kind = kindOf(status);
  const said = haloMessage(answer.body);
  const suffix = said === "" ? "" : `: ${said}`;
  const message = looksLikeHtml(answer.body)
    ? htmlAnswerMessage(status, label)
    : redactor.redact(`Halo answered ${status} to ${label}${suffix}`);
  return new HaloError(kind, message, {
    status,
    request: label,
    mayHaveApplied: mayHaveApplied(status),
    retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(answer.retryAfter, nowMs) : undefined,
  });
}

/**
 * A redirect answer (fetch with redirect: "manual"): a 3xx with a Location in Node, an opaque
 * "opaqueredirect" with status 0 in a browser, which hides where it points.
 */
export function isRedirect(response: Pick<Response, "status" | "type">): boolean {
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}

/** The instance base the new location implies: the path both URLs end with is dropped. */
function redirectedInstance(requested: URL, target: URL): string {
  const asked = requested.pathname.split("/");
  const told = target.pathname.split("/");
  while (asked.length > 1 && told.length > 1 && asked[asked.length - 1] === told[told.length - 1]) {
    asked.pop();
    told.pop();
  }
  return `${target.origin}${told.join("/")}`;
}

/**
 * Why a request was not sent on: the instance URL points elsewhere (another host, plain HTTP, a
 * login page). Following would send the secret or token there, so the user is told the new URL.
 */
export function redirectError(
  request: { url: string; label: string },
  response: Pick<Response, "status" | "headers">,
  redact: (text: string) => string = (text) => text,
): HaloError {
  const requested = new URL(request.url);
  const location = response.headers.get("location");
  const target = location === null || location === "" ? undefined : new URL(location, requested);
  const where = target === undefined ? "another address" : redirectedInstance(requested, target);
  const sentOn = target === undefined ? "" : ` and was sent on to ${target.origin}${target.pathname}`;
  return new HaloError(
    "Config",
    redact(
      `Halo was not reached: your instance URL redirects to ${where}: use that URL. ` +
        `(${request.label} at ${requested.origin}${requested.pathname} answered ${response.status || "a redirect"}${sentOn}; ` +
        "HaloSheet never follows a redirect, so nothing was sent there.)",
    ),
    { request: request.label, ...(response.status ? { status: response.status } : {}) },
  );
}
