/**
 * The Push panel's services with no Excel: a selection given by the test, the pull record and
 * snapshot, the Status cells and the workbook store in memory, and Halo as a FakeHaloPort.
 */
import type { CellValue } from "../../../../src/bulk";
import {
  countResults,
  historyEntry,
  HISTORY_LIMIT,
  type ColumnMappingRecord,
  type HistoryEntry,
  type RunRecord,
} from "../../../../src/office/pushRecord";
import type { SheetSelection } from "../../../../src/office/selection";
import type { StatusCell } from "../../../../src/office/statusColumns";
import type { Snapshot } from "../../../../src/taskpane/push/pushPlan";
import type { PulledSheet, PushServices } from "../../../../src/taskpane/push/pushServices";
import { FakeClock } from "../../../fakes/fakeClock";
import { FakeHaloPort } from "../../bulk/fakeHaloPort";

export const SHEET_ID = "sheet-1";

/** A selection of a pulled "Clients with tax code" sheet: id, name, item_tax_code, item_tax_code_name. */
export function clientSelection(
  rows: CellValue[][],
  selectedColumns: number[] = [0, 1, 2, 3],
  headers = ["id", "name", "item_tax_code", "item_tax_code_name"],
): SheetSelection {
  return {
    sheetId: SHEET_ID,
    sheetName: "Clients",
    address: `Clients!A2:D${rows.length + 1}`,
    headerRowNumber: 1,
    firstColumn: 0,
    headers,
    rows: rows.map((values, i) => ({ rowNumber: i + 2, values })),
    hiddenRows: [],
    formulas: rows.map((values) => values.map(String)),
    selectedColumns,
    nextFreeColumn: headers.length,
  };
}

export class FakePushServices implements PushServices {
  readonly clock = new FakeClock();
  readonly halo = new FakeHaloPort(this.clock);
  selection: SheetSelection | Error = new Error("Select the rows to push.");
  pulled: PulledSheet | undefined = {
    entity: "Client",
    instanceUrl: "https://acme.halopsa.com",
    pulledAt: "2026-01-01T00:00:00Z",
  };
  snapshot: Snapshot | undefined;
  readonly status = new Map<number, StatusCell>();
  readonly selectedRows: number[][] = [];
  readonly runs = new Map<string, RunRecord>();
  history: HistoryEntry[] = [];
  readonly logged: RunRecord[] = [];
  readonly snapshotUpdates: Map<number, Record<string, CellValue>>[] = [];
  mapping: ColumnMappingRecord | undefined;
  signedIn = true;
  private runs0 = 0;

  port = (): FakeHaloPort | undefined =>
    this.signedIn ? Object.assign(this.halo, { instance: "https://acme.halopsa.com" }) : undefined;
  readSelection = async (): Promise<SheetSelection> => {
    if (this.selection instanceof Error) throw this.selection;
    return this.selection;
  };
  readPulledSheet = async (): Promise<PulledSheet | undefined> => this.pulled;
  readSnapshot = async (): Promise<Snapshot | undefined> => this.snapshot;
  updateSnapshotRows = async (
    _sheetId: string,
    rows: Map<number, Record<string, CellValue>>,
  ): Promise<void> => {
    this.snapshotUpdates.push(rows);
  };
  readMapping = async (): Promise<ColumnMappingRecord | undefined> => this.mapping;
  writeMapping = async (_sheetId: string, mapping: ColumnMappingRecord): Promise<void> => {
    this.mapping = mapping;
  };
  writeStatus = async (selection: SheetSelection, cells: StatusCell[]): Promise<SheetSelection> => {
    for (const cell of cells) this.status.set(cell.rowNumber, cell);
    return {
      ...selection,
      resultColumns: { status: selection.headers.length, message: selection.headers.length + 1 },
    };
  };
  selectRows = async (_selection: SheetSelection, rows: number[]): Promise<void> => {
    this.selectedRows.push(rows);
  };
  writeRun = async (run: RunRecord): Promise<void> => {
    const copy = structuredClone({ ...run, counts: countResults(run.results) });
    this.runs.set(run.runId, copy);
    this.history = [historyEntry(copy), ...this.history.filter((h) => h.runId !== run.runId)].slice(
      0,
      HISTORY_LIMIT,
    );
  };
  readRun = async (runId: string): Promise<RunRecord | undefined> => structuredClone(this.runs.get(runId));
  readHistory = async (): Promise<HistoryEntry[]> => this.history;
  markInterrupted = async (live: ReadonlySet<string>): Promise<RunRecord[]> => {
    const found = [...this.runs.values()].filter((r) => r.state === "running" && !live.has(r.runId));
    for (const run of found) await this.writeRun({ ...run, state: "interrupted" });
    return found.map((r) => ({ ...r, state: "interrupted" }));
  };
  logRun = async (run: RunRecord): Promise<void> => {
    this.logged.push(structuredClone(run));
  };
  newRunId = (): string => `run-${++this.runs0}`;
}
