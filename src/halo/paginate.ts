/**
 * Reads a whole Halo list page by page (pageinate=true&page_size=N&page_no=P). Without paging some
 * lists silently stop near 1,000 records, so we always page and compare the rows read with the
 * record_count Halo reports; a difference is returned as `mismatch` for the caller to show.
 */
import type { HaloClient, QueryValue } from "./client";

export type HaloRecord = Record<string, unknown>;

export const MAX_PAGE_SIZE = 100;

export interface PageInfo {
  pageNo: number;
  rows: HaloRecord[];
  /** Rows read so far, this page included. */
  rowsRead: number;
  recordCount?: number;
}

export interface WalkOptions {
  query?: Record<string, QueryValue>;
  /** Rows per page, at most 100 (default 100). */
  pageSize?: number;
  /** Array key of the list response ("clients"); when absent or missing, the only array is used. */
  wrapper?: string;
  signal?: AbortSignal;
  onPage?: (page: PageInfo) => void | Promise<void>;
  /** Safety stop for a server that ignores paging and never reports a count. */
  maxPages?: number;
}

export interface WalkResult {
  rows: HaloRecord[];
  /** Halo's record_count (from the last page); the rows read when Halo reported none. */
  recordCount: number;
  pages: number;
  /** Present when the rows read differ from record_count. */
  mismatch?: { expected: number; read: number };
}

/** The rows of one list answer: a bare array, the wrapper key, or the answer's only array. */
export function rowsOf(answer: unknown, wrapper?: string): HaloRecord[] {
  if (Array.isArray(answer)) return answer as HaloRecord[];
  if (typeof answer !== "object" || answer === null) return [];
  const record = answer as Record<string, unknown>;
  if (wrapper !== undefined && Array.isArray(record[wrapper])) return record[wrapper] as HaloRecord[];
  const arrays = Object.values(record).filter(Array.isArray);
  return arrays.length === 1 ? (arrays[0] as HaloRecord[]) : [];
}

function recordCountOf(answer: unknown): number | undefined {
  if (typeof answer !== "object" || answer === null || Array.isArray(answer)) return undefined;
  const count = Number((answer as Record<string, unknown>).record_count);
  return Number.isFinite(count) ? count : undefined;
}

export async function walkPages(
  client: Pick<HaloClient, "request">,
  path: string,
  options: WalkOptions = {},
): Promise<WalkResult> {
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, options.pageSize ?? MAX_PAGE_SIZE));
  const maxPages = options.maxPages ?? 100_000;
  const rows: HaloRecord[] = [];
  const seenIds = new Set<unknown>();
  let recordCount: number | undefined;
  let pageNo = 0;
  while (pageNo < maxPages) {
    pageNo++;
    const answer = await client.request<unknown>("GET", path, {
      query: { ...options.query, pageinate: true, page_size: pageSize, page_no: pageNo },
      signal: options.signal,
    });
    const page = rowsOf(answer, options.wrapper);
    recordCount = recordCountOf(answer) ?? recordCount;
    // An endpoint that ignores page_no sends the same rows again: counting them would reach
    // record_count with duplicates, so stop and let the mismatch show.
    if (pageNo > 1 && page.length > 0 && page.every((row) => row.id !== undefined && seenIds.has(row.id)))
      break;
    for (const row of page) if (row.id !== undefined) seenIds.add(row.id);
    rows.push(...page);
    await options.onPage?.({ pageNo, rows: page, rowsRead: rows.length, recordCount });
    const done = recordCount !== undefined ? rows.length >= recordCount : page.length < pageSize;
    if (done || page.length === 0) break;
  }
  const result: WalkResult = { rows, recordCount: recordCount ?? rows.length, pages: pageNo };
  if (recordCount !== undefined && rows.length !== recordCount) {
    result.mismatch = { expected: recordCount, read: rows.length };
  }
  return result;
}
