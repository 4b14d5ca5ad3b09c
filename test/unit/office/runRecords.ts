/** Runs as the workbook keeps them, for the tests of the push records and the log sheet. */
import type { RowResult } from "../../../src/bulk";
import { countResults, type RunRecord } from "../../../src/office/pushRecord";

export function result(key: number, status: RowResult["status"], message = ""): RowResult {
  return { key, rowNumber: key + 2, status, message };
}

/** A finished push of three Clients (Updated, Failed, Unknown), each with its before-image. */
export function runRecord(runId: string, extra: Partial<RunRecord> = {}): RunRecord {
  const results = [result(0, "Updated"), result(1, "Failed", "name is not valid"), result(2, "Unknown")];
  return {
    version: 1,
    runId,
    sheetId: "s1",
    sheetName: "Clients",
    instanceUrl: "https://acme.halopsa.com",
    entity: "Client",
    dryRun: false,
    startedAt: "2026-12-02T01:00:00Z",
    state: "done",
    rowsTotal: 3,
    requests: 3,
    elapsedMs: 1234,
    counts: countResults(results),
    results,
    journal: [0, 1, 2].map((key) => ({
      key,
      rowNumber: key + 2,
      id: key + 1,
      before: { id: key + 1, item_tax_code: 1 },
      sent: { id: key + 1, item_tax_code: 3 },
    })),
    ...extra,
  };
}
