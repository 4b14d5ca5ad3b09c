/**
 * Rules of walkPages and rowsOf about what a list answer can look like: the wrapper key chosen among
 * several arrays, an empty body (null) or no answer at all ending the walk instead of throwing, and
 * an empty page still reported as a page (progress sees every request).
 */
import type { HaloClient } from "../../../src/halo";
import { rowsOf, walkPages, type PageInfo } from "../../../src/halo/paginate";

/** A client whose list answers are the given pages in order (page_no 1, 2, ...). */
function pagedClient(pages: unknown[]): Pick<HaloClient, "request"> & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    request: <T>(_method: string, _path: string, options?: { query?: Record<string, unknown> }) => {
      const pageNo = Number(options?.query?.page_no);
      asked.push(pageNo);
      return Promise.resolve(pages[pageNo - 1] as T);
    },
  };
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe("rowsOf: which array is the list", () => {
  it("takes the wrapper's array when the answer holds several arrays", () => {
    const answer = { clients: ids(1, 2), tags: [{ id: 9 }] };
    expect(rowsOf(answer, "clients")).toEqual(ids(1, 2));
  });

  it("without a wrapper, several arrays mean no rows, even under a key named 'undefined'", () => {
    expect(rowsOf({ undefined: ids(1, 2), tags: [{ id: 9 }] })).toEqual([]);
  });

  it("reads no rows from an answer that is not an object, without throwing", () => {
    expect(rowsOf(undefined)).toEqual([]);
    expect(rowsOf(null)).toEqual([]);
    expect(rowsOf("clients")).toEqual([]);
  });
});

describe("walkPages: empty and missing answers", () => {
  it.each([
    ["an empty body (null)", null],
    ["no answer at all (undefined)", undefined],
  ])("ends the walk on %s after a full page, keeping the rows read", async (_name, last) => {
    const client = pagedClient([ids(1, 100), last]);
    const result = await walkPages(client, "/Client");
    expect(client.asked).toEqual([1, 2]);
    expect(result.rows).toHaveLength(100);
    expect(result).toMatchObject({ pages: 2, recordCount: 100 });
    expect(result.mismatch).toBeUndefined();
  });

  it("reports an empty first page to onPage (a list with no records is one request)", async () => {
    const client = pagedClient([{ record_count: 0, clients: [] }]);
    const pages: PageInfo[] = [];
    const result = await walkPages(client, "/Client", {
      wrapper: "clients",
      onPage: (p) => void pages.push(p),
    });
    expect(pages).toEqual([{ pageNo: 1, rows: [], rowsRead: 0, recordCount: 0 }]);
    expect(result).toMatchObject({ rows: [], pages: 1, recordCount: 0 });
  });

  it("reports the empty page that ends a list of exactly one full page when Halo gives no count", async () => {
    const client = pagedClient([ids(1, 100), []]);
    const pages: PageInfo[] = [];
    await walkPages(client, "/Client", { onPage: (p) => void pages.push(p) });
    expect(pages.map((p) => [p.pageNo, p.rows.length, p.rowsRead])).toEqual([
      [1, 100, 100],
      [2, 0, 100],
    ]);
  });
});
