/**
 * Small HTTP helpers for the sandbox: replies are values (so fault injection can decide, after a
 * handler ran, whether the caller ever sees the reply), and failures are typed SandboxHttpError values.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type ReplyBody = string | object | null;

export interface Reply {
  status: number;
  /** Objects and arrays are sent as JSON, strings as text/plain (Halo answers many 400s as text). */
  body: ReplyBody;
  headers?: Record<string, string>;
  /** For HTML pages. */
  contentType?: string;
}

/** A failure that becomes an HTTP answer (Halo-like status and text), never a crash. */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly body: ReplyBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: ReplyBody, headers: Record<string, string> = {}) {
    super(typeof body === "string" ? body : `HTTP ${status}`);
    this.name = "SandboxHttpError";
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function json(status: number, body: object): Reply {
  return { status, body };
}

export function text(status: number, body: string): Reply {
  return { status, body };
}

/** Request bodies above this are refused with 413, as a web server in front of Halo would. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SandboxHttpError(413, "Request Entity Too Large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  let payload = "";
  if (reply.body !== null) {
    if (typeof reply.body === "string") {
      payload = reply.body;
      headers["Content-Type"] = reply.contentType ?? "text/plain; charset=utf-8";
    } else {
      payload = JSON.stringify(reply.body);
      headers["Content-Type"] = "application/json; charset=utf-8";
    }
  }
  headers["Content-Length"] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Query parameters with case-insensitive names, as ASP.NET binds them. */
export class Query {
  private readonly values = new Map<string, string>();

  constructor(params: URLSearchParams) {
    for (const [name, value] of params) this.values.set(name.toLowerCase(), value);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  flag(name: string): boolean {
    const value = this.get(name);
    return value !== undefined && /^(true|1|yes)$/i.test(value.trim());
  }

  /** A whole number, or undefined when absent; a malformed number is a 400 as Halo's binder gives. */
  int(name: string): number | undefined {
    const value = this.get(name);
    if (value === undefined || value.trim() === "") return undefined;
    if (!/^-?\d+$/.test(value.trim())) {
      throw new SandboxHttpError(400, `The value '${value}' is not valid for ${name}.`);
    }
    return Number(value);
  }
}
