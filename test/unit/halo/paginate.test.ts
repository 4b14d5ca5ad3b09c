import { walkPages, rowsOf } from "../../../src/halo/paginate";
import { getEntity, listEntities, normalisePostAnswer, postEntities } from "../../../src/halo/entities";
import { jsonResponse } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";
import type { RecordedRequest } from "../../fakes/fakeFetch";

/** Serves `total` clients in Halo's paged shape, optionally claiming a different record_count. */
function pagedClients(total: number, claimed = total) {
  return (request: RecordedRequest): Response => {
    const size = Number(request.query("page_size"));
    const page = Number(request.query("page_no"));
    const rows = Array.from({ length: total }, (_, i) => ({ id: i + 1 })).slice(
      (page - 1) * size,
      page * size,
    );
    return jsonResponse(200, { record_count: claimed, page_no: page, page_size: size, clients: rows });
  };
}

describe("walkPages", () => {
  it("pages with pageinate/page_size/page_no until record_count rows are read", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", pagedClients(250));
    const pages: number[] = [];
    const result = await walkPages(halo.client, "/Client", {
      wrapper: "clients",
      query: { includeinactive: true },
      onPage: (page) => {
        pages.push(page.rows.length);
      },
    });
    expect(result.rows.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(result).toMatchObject({ recordCount: 250, pages: 3 });
    expect(result.mismatch).toBeUndefined();
    expect(pages).toEqual([100, 100, 50]);
    const calls = halo.fetch.calls("GET", "/api/Client");
    expect(calls.map((r) => r.query("page_no"))).toEqual(["1", "2", "3"]);
    expect(calls.every((r) => r.query("pageinate") === "true" && r.query("page_size") === "100")).toBe(true);
    expect(calls[0].query("includeinactive")).toBe("true");
  });

  it("stops and reports a mismatch when Halo ignores page_no and repeats the same rows", async () => {
    const halo = fakeHalo();
    const first = Array.from({ length: 100 }, (_, i) => ({ id: i + 1 }));
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, { record_count: 300, clients: first }));
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients" });
    expect(result.rows).toHaveLength(100);
    expect(result.mismatch).toEqual({ expected: 300, read: 100 });
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(2);
  });

  it("stops exactly at record_count (no extra empty page)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", pagedClients(200));
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients" });
    expect(result.pages).toBe(2);
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(2);
  });

  it("reports a mismatch when Halo returns fewer rows than record_count", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", pagedClients(130, 1000));
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients", pageSize: 50 });
    expect(result.rows).toHaveLength(130);
    expect(result.mismatch).toEqual({ expected: 1000, read: 130 });
    expect(halo.fetch.calls("GET", "/api/Client")[0].query("page_size")).toBe("50");
  });

  it("reports a mismatch when Halo returns more rows than record_count", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", pagedClients(120, 110));
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients" });
    expect(result.mismatch).toEqual({ expected: 110, read: 120 });
  });

  it("caps page_size at 100", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", pagedClients(5));
    await walkPages(halo.client, "/Client", { pageSize: 5000 });
    expect(halo.fetch.calls("GET", "/api/Client")[0].query("page_size")).toBe("100");
  });

  it("walks a bare-array list until a short page", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Agent", (request) =>
      jsonResponse(200, request.query("page_no") === "1" ? Array(100).fill({ id: 1 }) : [{ id: 2 }]),
    );
    const result = await walkPages(halo.client, "/Agent", { wrapper: "agents" });
    expect(result).toMatchObject({ recordCount: 101, pages: 2 });
    expect(result.mismatch).toBeUndefined();
  });

  it("finds rows under the wrapper, or the only array", () => {
    expect(rowsOf({ record_count: 1, sites: [{ id: 1 }] }, "clients")).toEqual([{ id: 1 }]);
    expect(rowsOf({ a: [1], b: [2] }, "clients")).toEqual([]);
    expect(rowsOf(null)).toEqual([]);
  });
});

describe("entities", () => {
  it("lists an entity with its schema path and wrapper", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Asset", () =>
      jsonResponse(200, { record_count: 2, assets: [{ id: 1 }, { id: 2 }] }),
    );
    const result = await listEntities(halo.client, "asset");
    expect(result.rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect(result.recordCount).toBe(2);
  });

  it("gets one record with includedetails", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client/12", () => jsonResponse(200, { id: 12, customfields: [] }));
    await expect(getEntity(halo.client, "Client", 12)).resolves.toEqual({ id: 12, customfields: [] });
    expect(halo.fetch.calls("GET", "/api/Client/12")[0].query("includedetails")).toBe("true");
  });

  it("posts an array to the entity path and returns one result per object", async () => {
    const halo = fakeHalo();
    halo.fetch.on("POST", "/api/Projects", (request) =>
      jsonResponse(
        201,
        (request.json() as { summary: string }[]).map((o, i) => ({ id: 100 + i, ...o })),
      ),
    );
    const results = await postEntities(halo.client, "Project", [{ summary: "a" }, { summary: "b" }]);
    expect(results).toEqual([
      { index: 0, id: 100, record: { id: 100, summary: "a" } },
      { index: 1, id: 101, record: { id: 101, summary: "b" } },
    ]);
  });

  it("sends nothing for an empty array", async () => {
    const halo = fakeHalo();
    await expect(postEntities(halo.client, "Client", [])).resolves.toEqual([]);
    expect(halo.fetch.requests).toHaveLength(0);
  });

  describe("normalisePostAnswer", () => {
    const sent = [{ id: 5, name: "x" }, { name: "new" }, { id: 9, name: "z" }];

    it("pairs a single object answer with a single object sent", () => {
      expect(normalisePostAnswer([{ id: 5 }], { id: 5, name: "saved" }, "clients")).toEqual([
        { index: 0, id: 5, record: { id: 5, name: "saved" } },
      ]);
    });

    it("reads a single saved record with arrays of its own as that record, not as a wrapper", () => {
      const saved = { id: 300, name: "new", customfields: [{ id: 145, name: "CFContractRef", value: null }] };
      expect(normalisePostAnswer([{ name: "new" }], saved, "clients")).toEqual([
        { index: 0, id: 300, record: saved },
      ]);
      expect(normalisePostAnswer([{ id: 300, name: "new" }], saved, "clients")).toEqual([
        { index: 0, id: 300, record: saved },
      ]);
    });

    it("reads a wrapper under another name when the answer has no id of its own", () => {
      const answer = { record_count: 2, results: [{ id: 5 }, { id: 77 }, { id: 9 }] };
      expect(normalisePostAnswer(sent, answer, "clients").map((r) => r.id)).toEqual([5, 77, 9]);
    });

    it("reads a wrapper answer", () => {
      const answer = { clients: [{ id: 5 }, { id: 77 }, { id: 9 }] };
      expect(normalisePostAnswer(sent, answer, "clients").map((r) => r.id)).toEqual([5, 77, 9]);
    });

    it("answers every object with its own id when Halo sends nothing back", () => {
      expect(normalisePostAnswer(sent, null, "clients")).toEqual([
        { index: 0, id: 5 },
        { index: 1 },
        { index: 2, id: 9 },
      ]);
    });

    it("matches updates by id and creates in order when the counts differ", () => {
      const answer = [
        { id: 9, name: "z" },
        { id: 300, name: "new" },
      ];
      expect(normalisePostAnswer(sent, answer, "clients")).toEqual([
        { index: 0, id: 5 },
        { index: 1, id: 300, record: { id: 300, name: "new" } },
        { index: 2, id: 9, record: { id: 9, name: "z" } },
      ]);
    });
  });
});
