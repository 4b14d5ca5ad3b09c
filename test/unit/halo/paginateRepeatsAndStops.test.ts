/**
 * Rules of walkPages beyond the plain walk: a page that only partly repeats rows already read is a
 * real page (only a page of nothing but repeats means Halo ignores page_no), and maxPages bounds the
 * requests when a server never says how many rows there are.
 */
import { walkPages } from "../../../src/halo/paginate";
import { jsonResponse, type RecordedRequest } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe("walkPages: repeats and stops", () => {
  it("keeps walking past a page that partly repeats rows of the page before", async () => {
    const halo = fakeHalo();
    // Page 2 starts 10 rows early (a record was deleted between pages), page 3 ends the list.
    const pages: Record<string, { id: number }[]> = { 1: ids(1, 100), 2: ids(91, 100), 3: ids(191, 20) };
    halo.fetch.on("GET", "/api/Client", (request: RecordedRequest) =>
      jsonResponse(200, { record_count: 220, clients: pages[request.query("page_no") ?? ""] ?? [] }),
    );
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients" });
    expect(halo.fetch.calls("GET", "/api/Client").map((r) => r.query("page_no"))).toEqual(["1", "2", "3"]);
    expect(result.pages).toBe(3);
    expect(result.rows).toHaveLength(220);
    expect(result.rows.at(-1)).toEqual({ id: 210 });
  });

  it("stops after maxPages requests when the server never reports a count", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", (request: RecordedRequest) =>
      jsonResponse(200, ids(Number(request.query("page_no")) * 1000, 100)),
    );
    const result = await walkPages(halo.client, "/Client", { maxPages: 3 });
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(3);
    expect(result).toMatchObject({ pages: 3, recordCount: 300 });
    expect(result.rows).toHaveLength(300);
  });

  it("maxPages of 1 reads exactly one page", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () => jsonResponse(200, { record_count: 500, clients: ids(1, 100) }));
    const result = await walkPages(halo.client, "/Client", { wrapper: "clients", maxPages: 1 });
    expect(halo.fetch.calls("GET", "/api/Client")).toHaveLength(1);
    expect(result.mismatch).toEqual({ expected: 500, read: 100 });
  });
});
