/**
 * Issue 11, defect 1: a redirect is never followed with a secret or a token. Two real HTTP servers on
 * this machine: the "instance" answers with redirects, the other records whatever reaches it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { runCli } from "../../src/cli/main";
import { createHaloClient, isHaloError, type HaloError } from "../../src/halo";

interface Received {
  method: string;
  url: string;
  body: string;
  authorization?: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => done(body));
  });
}

describe("redirects are never followed with a secret or a token", () => {
  let elsewhere: Server;
  let elsewhereUrl: string;
  const received: Received[] = [];
  let instance: Server;
  let instanceUrl: string;
  /** Which paths the instance redirects; the rest it answers as Halo would. */
  let redirected: RegExp;

  beforeAll(async () => {
    elsewhere = createServer(async (request, response) => {
      received.push({
        method: request.method ?? "",
        url: request.url ?? "",
        body: await readBody(request),
        authorization: request.headers.authorization,
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ access_token: "stolen-token", expires_in: 3600, record_count: 0 }));
    });
    elsewhereUrl = await listen(elsewhere);
    instance = createServer(async (request, response) => {
      await readBody(request);
      if (redirected.test(request.url ?? "")) {
        response.writeHead(307, { location: `${elsewhereUrl}${request.url}` });
        response.end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      const token = { access_token: "the-real-access-token", expires_in: 3600 };
      response.end(JSON.stringify(request.url?.startsWith("/auth/token") ? token : { clients: [] }));
    });
    instanceUrl = await listen(instance);
  });
  afterAll(async () => {
    await new Promise((done) => elsewhere.close(done));
    await new Promise((done) => instance.close(done));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const client = () =>
    createHaloClient({
      instanceUrl,
      auth: { kind: "clientCredentials", clientId: "id-1", clientSecret: "the-client-secret" },
      rateLimit: false,
      retry: { maxAttempts: 1 },
    });

  async function failure(promise: Promise<unknown>): Promise<HaloError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isHaloError(error)) throw new Error(`expected a HaloError, got ${String(error)}`);
    return error;
  }

  it("sign-in: the client secret is not posted again to the new location; the error names both URLs", async () => {
    redirected = /^\/(auth|api\/authinfo)/;
    const error = await failure(client().signIn());
    expect(received).toEqual([]);
    expect(error.kind).toBe("Config");
    expect(error.message).toContain(`your instance URL redirects to ${elsewhereUrl}: use that URL`);
    expect(error.message).toContain(`${instanceUrl}/auth/token`);
    expect(error.message).not.toContain("the-client-secret");
  });

  it("API requests: the access token is not sent to the new location", async () => {
    redirected = /^\/api\/Client/;
    const error = await failure(client().request("GET", "/Client"));
    expect(received).toEqual([]);
    expect(error.kind).toBe("Config");
    expect(error.message).toContain(`${instanceUrl}/api/Client`);
    expect(error.message).toContain(elsewhereUrl);
    expect(error.message).not.toContain("the-real-access-token");
  });

  it("the command line stops with exit 2 and says which URL to use", async () => {
    redirected = /^\/(auth|api)/;
    let stderr = "";
    const code = await runCli(
      [
        "pull",
        "--url",
        instanceUrl,
        "--client-id",
        "id-1",
        "--entity",
        "Client",
        "--out",
        "/nonexistent/x.csv",
      ],
      {
        env: { HALO_CLIENT_SECRET: "the-client-secret" },
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
      },
    );
    expect(code).toBe(2);
    expect(received).toEqual([]);
    expect(stderr).toContain(`your instance URL redirects to ${elsewhereUrl}: use that URL`);
    expect(stderr).not.toContain("the-client-secret");
  });
});
