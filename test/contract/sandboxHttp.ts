/** Plain-fetch helpers for contract tests against an in-process sandbox. */
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json<T = unknown>(): T;
}

export async function call(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export async function clientCredentials(
  sandbox: RunningSandbox,
  options: { basic?: boolean; scope?: string; secret?: string } = {},
): Promise<HttpAnswer> {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  if (options.scope !== undefined) form.set("scope", options.scope);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  const secret = options.secret ?? sandbox.clientSecret;
  if (options.basic) {
    headers.Authorization = `Basic ${Buffer.from(`${sandbox.clientId}:${secret}`).toString("base64")}`;
  } else {
    form.set("client_id", sandbox.clientId);
    form.set("client_secret", secret);
  }
  return call(`${sandbox.url}/auth/token`, { method: "POST", headers, body: form.toString() });
}

export async function signIn(sandbox: RunningSandbox, scope?: string): Promise<string> {
  const answer = await clientCredentials(sandbox, { scope });
  if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.text}`);
  return answer.json<{ access_token: string }>().access_token;
}

/** A call under /api with a bearer token; an object/array body is sent as JSON, a string as is. */
export function api(
  sandbox: RunningSandbox,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] = "application/json";
  }
  return call(`${sandbox.url}/api${path}`, init);
}

export interface SandboxFixture {
  sandbox: RunningSandbox;
  token: string;
}

/** Starts a sandbox (port 0) with a signed-in token before the file's tests and closes it after. */
export function useSandbox(options: SandboxOptions = {}): SandboxFixture {
  const fixture = {} as SandboxFixture;
  beforeAll(async () => {
    fixture.sandbox = await startSandbox({ port: 0, rateLimit: 0, ...options });
    fixture.token = await signIn(fixture.sandbox);
  });
  afterAll(() => fixture.sandbox.close());
  return fixture;
}
