/** What the Push and History panels need from their host: injected so tests run them with fakes. */
import type { CellValue, HaloPort } from "../../bulk";
import type { Clock } from "../../halo";
import type { ColumnMappingRecord, HistoryEntry, RunRecord } from "../../office/pushRecord";
import type { SheetSelection } from "../../office/selection";
import type { StatusCell } from "../../office/statusColumns";
import type { Snapshot } from "./pushPlan";

/** What the pull left on a sheet that the push needs. */
export interface PulledSheet {
  entity?: string;
  instanceUrl: string;
  pulledAt: string;
}

export interface PushServices {
  clock: Clock;
  /** The port onto the signed-in Halo client, or undefined when nobody is signed in. */
  port(): HaloPort | undefined;
  readSelection(): Promise<SheetSelection>;
  readPulledSheet(sheetId: string): Promise<PulledSheet | undefined>;
  readSnapshot(sheetId: string): Promise<Snapshot | undefined>;
  /** Sets these fields (by snapshot header) of the snapshot's rows with these record ids: Halo took them. */
  updateSnapshotRows(sheetId: string, rowsById: Map<number, Record<string, CellValue>>): Promise<void>;
  readMapping(sheetId: string): Promise<ColumnMappingRecord | undefined>;
  writeMapping(sheetId: string, mapping: ColumnMappingRecord): Promise<void>;
  /** Writes Status and Message beside these rows (creating the columns when missing); the selection then knows them. */
  writeStatus(selection: SheetSelection, cells: StatusCell[]): Promise<SheetSelection>;
  /** Selects these rows of the selection's sheet. */
  selectRows(selection: SheetSelection, rowNumbers: number[]): Promise<void>;
  writeRun(run: RunRecord): Promise<void>;
  readRun(runId: string): Promise<RunRecord | undefined>;
  readHistory(): Promise<HistoryEntry[]>;
  /** Marks runs left "running" by a closed pane as interrupted; returns them. */
  markInterrupted(live: ReadonlySet<string>): Promise<RunRecord[]>;
  /** Adds or refreshes the run's line on the HaloSheet Log sheet. */
  logRun(run: RunRecord): Promise<void>;
  newRunId(): string;
}
