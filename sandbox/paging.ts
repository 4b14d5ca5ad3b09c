/**
 * Halo's list paging: `pageinate=true&page_size=N&page_no=P` (1-based). Without paging Halo lists stop
 * silently near 1,000 records (as Halo documents), which the sandbox reproduces so clients learn to page.
 */
import { SandboxHttpError, type Query } from "./http";

export const UNPAGED_CAP = 1000;
export const DEFAULT_PAGE_SIZE = 50;

export interface Paging {
  paged: boolean;
  pageSize: number;
  pageNo: number;
  limit: number;
  offset: number;
}

export function readPaging(query: Query): Paging {
  const paged = query.flag("pageinate");
  const count = query.int("count");
  if (!paged) {
    const limit = Math.min(count !== undefined && count > 0 ? count : UNPAGED_CAP, UNPAGED_CAP);
    return { paged, pageSize: limit, pageNo: 1, limit, offset: 0 };
  }
  const pageSize = query.int("page_size") ?? DEFAULT_PAGE_SIZE;
  const pageNo = query.int("page_no") ?? 1;
  if (pageSize < 1) throw new SandboxHttpError(400, "page_size must be greater than 0.");
  if (pageNo < 1) throw new SandboxHttpError(400, "page_no must be greater than 0.");
  return { paged, pageSize, pageNo, limit: pageSize, offset: (pageNo - 1) * pageSize };
}

/** The list answer: `{page_no, page_size, record_count, <wrapper>: rows}` (no page fields when unpaged). */
export function listBody(wrapper: string, paging: Paging, recordCount: number, rows: unknown[]): object {
  if (!paging.paged) return { record_count: recordCount, [wrapper]: rows };
  return { page_no: paging.pageNo, page_size: paging.pageSize, record_count: recordCount, [wrapper]: rows };
}
