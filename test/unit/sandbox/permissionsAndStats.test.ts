import { scopeAllows, neededScope } from "../../../sandbox/permissions";
import { SandboxStats } from "../../../sandbox/stats";
import { scopeFor } from "../../../src/halo/scopes";

describe("scopes", () => {
  it("all/admin allow everything; read allows GET, edit allows both, per area", () => {
    expect(scopeAllows(["all"], "Client", true)).toBe(true);
    expect(scopeAllows(["admin"], "Report", true)).toBe(true);
    expect(scopeAllows(["read:customers"], "Site", false)).toBe(true);
    expect(scopeAllows(["read:customers"], "Site", true)).toBe(false);
    expect(scopeAllows(["edit:customers"], "Users", true)).toBe(true);
    expect(scopeAllows(["edit:customers"], "Asset", false)).toBe(false);
    expect(neededScope("Report", true)).toBe("edit:reporting");
  });

  it("asks for the scope the client's Permission message names", () => {
    for (const [resource, write] of [
      ["Client", true],
      ["Quotation", false],
      ["SalesOrder", true],
      ["Project", false],
      ["Agent", true],
    ] as const) {
      expect(neededScope(resource, write)).toBe(scopeFor(write ? "POST" : "GET", `/${resource}`));
    }
    expect(neededScope("Quotation", true)).toBe("edit:quotes");
    expect(neededScope("Project", false)).toBe("read:projects");
    expect(scopeAllows(["edit:tickets"], "Agent", false)).toBe(false);
    expect(scopeAllows(["read:customers"], "Agent", false)).toBe(false);
  });
});

describe("stats", () => {
  it("counts by route and status, 429s and rows, and resets", () => {
    const stats = new SandboxStats();
    stats.recordRequest("GET /api/Client", 200);
    stats.recordRequest("GET /api/Client", 200);
    stats.recordRequest("GET /api/Client", 429);
    stats.recordRequest("POST /api/Client", "reset");
    stats.recordWrites("Client", 1, 2);
    const snapshot = stats.snapshot({ reset: 1 });
    expect(snapshot).toMatchObject({
      requests: { "GET /api/Client": { 200: 2, 429: 1 }, "POST /api/Client": { reset: 1 } },
      totalRequests: 4,
      rateLimited: 1,
      rowsWritten: { created: 1, updated: 2, byEntity: { Client: { created: 1, updated: 2 } } },
      faults: { reset: 1 },
    });
    stats.reset();
    expect(stats.snapshot({})).toMatchObject({ requests: {}, totalRequests: 0, rateLimited: 0 });
  });
});
