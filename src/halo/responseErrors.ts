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
  const message = redactor.redact(`Halo answered ${status} to ${label}${suffix}`);
  return new HaloError(kind, message, {
    status,
    request: label,
    mayHaveApplied: mayHaveApplied(status),
    retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(answer.retryAfter, nowMs) : undefined,
  });
}
