import { IdLookupError, IdResolver, type NameListPort } from "../../../src/bulk/payload/idLookup";
import { lookupId, PayloadError } from "../../../src/bulk/payload";
import type { HaloObject } from "../../../src/bulk/payload";

const CLIENTS: HaloObject[] = [
  { id: 1, name: "Acme" },
  { id: 2, name: "Globex" },
  { id: 3, name: "Initech" },
  { id: 4, name: "Twin" },
  { id: 5, name: "twin " },
  ...Array.from({ length: 300 }, (_, i) => ({ id: 100 + i, name: `Client ${i}` })),
];

/** Answers like Halo's search filter (substring, any case) and counts the calls. */
class CountingPort implements NameListPort {
  calls: (string | undefined)[] = [];
  failNext = false;
  async list(entity: string, search: string | undefined): Promise<HaloObject[]> {
    this.calls.push(search);
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new Error("connection refused");
    }
    const rows = entity === "Tickets" ? [{ id: 9, summary: "Printer jam" }] : CLIENTS;
    return search === undefined
      ? rows
      : rows.filter((r) =>
          String(r.name ?? r.summary)
            .toLowerCase()
            .includes(search.toLowerCase()),
        );
  }
}

/** A timer the test fires by hand, so gathering windows are exact. */
class ManualTimer {
  private waiting: (() => void)[] = [];
  readonly schedule = (run: () => void): void => void this.waiting.push(run);
  fire(): void {
    const due = this.waiting;
    this.waiting = [];
    for (const run of due) run();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("IdResolver", () => {
  let port: CountingPort;
  let timer: ManualTimer;
  let resolver: IdResolver;
  beforeEach(() => {
    port = new CountingPort();
    timer = new ManualTimer();
    resolver = new IdResolver(port, { schedule: timer.schedule, searchLimit: 3 });
  });

  it("searches a few names one by one, matching whole names in any case", async () => {
    const ids = Promise.all([resolver.resolve("Client", "acme"), resolver.resolve("client", " Globex ")]);
    timer.fire();
    await expect(ids).resolves.toEqual([1, 2]);
    expect(port.calls).toEqual(["acme", "Globex"]);
  });

  it("loads the whole list once for a column of many names, and answers later lookups from it", async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Client ${i % 300}`);
    const ids = Promise.all(names.map((name) => resolver.resolve("Client", name)));
    timer.fire();
    const resolved = await ids;
    expect(resolved[0]).toBe(100);
    expect(resolved[4999]).toBe(100 + (4999 % 300));
    expect(port.calls).toEqual([undefined]);

    const later = resolver.resolve("Client", "Initech");
    timer.fire();
    await expect(later).resolves.toBe(3);
    expect(port.calls).toEqual([undefined]);
  });

  it("switches to the whole list once searches pass the limit", async () => {
    for (const name of ["Acme", "Globex", "Initech", "Client 1"]) {
      const id = resolver.resolve("Client", name);
      timer.fire();
      await id;
    }
    expect(port.calls).toEqual(["Acme", "Globex", "Initech", undefined]);
  });

  it("caches answers for the session", async () => {
    const first = resolver.resolve("Client", "Acme");
    timer.fire();
    await first;
    await expect(resolver.resolve("Client", "ACME")).resolves.toBe(1);
    expect(port.calls).toEqual(["Acme"]);
  });

  it("says when no record or several records have the name", async () => {
    const none = resolver.resolve("Client", "Nobody");
    const twins = resolver.resolve("Client", "twin");
    timer.fire();
    await expect(none).rejects.toMatchObject({ kind: "NotFound", message: 'No Client named "Nobody".' });
    await expect(twins).rejects.toMatchObject({
      kind: "Ambiguous",
      message: '2 records: Client named "twin" (ids 4, 5). Use the id.',
    });
  });

  it("looks tickets up by summary", async () => {
    const id = resolver.resolve("tickets", "printer jam");
    timer.fire();
    await expect(id).resolves.toBe(9);
  });

  it("asks again after a failure instead of caching it", async () => {
    port.failNext = true;
    const failed = resolver.resolve("Client", "Acme");
    timer.fire();
    await expect(failed).rejects.toMatchObject({
      kind: "Halo",
      message: "Could not read Client names from Halo: connection refused",
    });
    await settle();
    const retried = resolver.resolve("Client", "Acme");
    timer.fire();
    await expect(retried).resolves.toBe(1);
    expect(port.calls).toEqual(["Acme", "Acme"]);
  });

  it("rejects blank names and unknown entities before asking Halo", async () => {
    await expect(resolver.resolve("Client", "  ")).rejects.toBeInstanceOf(IdLookupError);
    await expect(resolver.resolve("Nope", "x")).rejects.toBeInstanceOf(PayloadError);
    expect(port.calls).toEqual([]);
  });
});

describe("lookupId (HALO.ID's arguments)", () => {
  const resolver = {
    resolve: async (entity: string, name: string) => (entity === "Client" && name === "123" ? 7 : 0),
  };

  it("reads numbers as names and refuses blanks and error values", async () => {
    await expect(lookupId(resolver, "Client", 123)).resolves.toBe(7);
    expect(() => lookupId(resolver, "Client", "")).toThrow(/name is blank/);
    expect(() => lookupId(resolver, "", "x")).toThrow(/entity is required/);
    expect(() => lookupId(resolver, 0, "x")).toThrow(/entity is required/);
    expect(() => lookupId(resolver, "Client", "#N/A")).toThrow(/the name is the error #N\/A/);
  });
});
