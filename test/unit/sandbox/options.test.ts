import { SandboxOptionError } from "../../../sandbox/optionError";
import { parseArgs, parseLatency, parseRateLimit, resolveOptions } from "../../../sandbox/options";

describe("sandbox options", () => {
  it("defaults to the documented demo instance", () => {
    const config = resolveOptions();
    expect(config).toMatchObject({
      port: 4010,
      host: "127.0.0.1",
      clientId: "halosheet-demo",
      clientSecret: "halosheet-demo-secret",
      seed: 1,
      rateLimit: { requests: 300, windowMs: 300_000 },
      retryAfter: "seconds",
      latencyMs: { min: 0, max: 0 },
      tokenTtlSeconds: 3600,
      corsOrigins: [
        "https://localhost:3000",
        "http://localhost:3000",
        "https://127.0.0.1:3000",
        "http://127.0.0.1:3000",
      ],
    });
    expect(config.faults.rules).toEqual({});
    expect(config.dataFile).toBeUndefined();
  });

  it("parses every CLI flag, in both --flag value and --flag=value forms", () => {
    const options = parseArgs([
      "--port",
      "0",
      "--client-id=app",
      "--client-secret",
      "s3",
      "--seed",
      "2",
      "--rate-limit",
      "10/5",
      "--retry-after",
      "none",
      "--latency",
      "5-20",
      "--faults",
      "500=0.1,poison=#BAD",
      "--token-ttl",
      "60",
      "--cors",
      "https://a.example, https://b.example/",
      "--data",
      "/tmp/x.sqlite",
    ]);
    const config = resolveOptions(options);
    expect(config).toMatchObject({
      port: 0,
      clientId: "app",
      clientSecret: "s3",
      seed: 2,
      rateLimit: { requests: 10, windowMs: 5000 },
      retryAfter: "none",
      latencyMs: { min: 5, max: 20 },
      tokenTtlSeconds: 60,
      corsOrigins: ["https://a.example", "https://b.example"],
      dataFile: "/tmp/x.sqlite",
    });
    expect(config.faults.rules["500"]).toEqual({ probability: 0.1 });
    expect(config.faults.poison).toBe("#BAD");
  });

  it("turns the rate limit off with 0", () => {
    expect(parseRateLimit(0)).toBeNull();
    expect(parseRateLimit("0")).toBeNull();
    expect(resolveOptions({ rateLimit: "0" }).rateLimit).toBeNull();
    expect(parseRateLimit("300/300")).toEqual({ requests: 300, windowMs: 300_000 });
    expect(parseRateLimit("5/0.5")).toEqual({ requests: 5, windowMs: 500 });
  });

  it("rejects malformed values with the option's name", () => {
    expect(() => parseRateLimit("fast")).toThrow(SandboxOptionError);
    expect(() => parseRateLimit("fast")).toThrow(/--rate-limit/);
    expect(() => parseLatency("20-5")).toThrow(/--latency/);
    expect(() => parseArgs(["--nope", "1"])).toThrow(/unknown option/);
    expect(() => parseArgs(["--port"])).toThrow(/needs a value/);
    expect(() => parseArgs(["--port", "abc"])).toThrow(/--port/);
    expect(() => resolveOptions({ port: -1 })).toThrow(/--port/);
    expect(() => resolveOptions({ tokenTtl: 0 })).toThrow(/--token-ttl/);
    expect(() => parseArgs(["--retry-after", "later"])).toThrow(/--retry-after/);
  });
});
