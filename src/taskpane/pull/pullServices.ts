/** What the Pull panel needs from its host: injected so component tests run it with a fake (no Office, no Halo). */
import type { PullEstimate, PulledTable, PullOptions, PullSource } from "../../halo";
import type { PullRecord, PullSnapshot } from "../../office/pullRecord";
import type { LandedTable, PullTarget, WriteOptions } from "../../office/pullWriter";

export type { LandedTable, PullTarget };

export interface ReportChoice {
  id: number;
  name: string;
}

export interface PullServices {
  /** The signed-in instance, recorded with every pull. */
  instanceUrl: string;
  /** The instance's saved reports. */
  listReports(signal?: AbortSignal): Promise<ReportChoice[]>;
  /** One small request: how many records an entity pull reads, and what paging through them costs. */
  estimate(source: Extract<PullSource, { kind: "entity" }>, signal?: AbortSignal): Promise<PullEstimate>;
  /** Reads the rows from Halo. */
  read(source: PullSource, options: PullOptions): Promise<PulledTable>;
  /** Writes the rows as a table, all or nothing. */
  write(
    table: PulledTable,
    sourceName: string,
    target: PullTarget,
    options: WriteOptions,
  ): Promise<LandedTable>;
  /** The cells of Halo's columns the user changed since the pull ("C5"), which Refresh would replace. */
  editsSincePull(record: PullRecord, table: PulledTable): Promise<string[]>;
  /** Rewrites a pulled table's data columns in place. */
  refresh(record: PullRecord, table: PulledTable, options: WriteOptions): Promise<LandedTable>;
  /** Keeps the pull record and the snapshot of the values as pulled. */
  save(record: PullRecord, snapshot: PullSnapshot): Promise<void>;
  /** The pull record of the active sheet, if it came from a pull. */
  activeSheetPull(): Promise<PullRecord | undefined>;
  /** Calls `listener` when the user activates another sheet; returns the unsubscribe. */
  onActiveSheetChanged(listener: () => void): () => void;
  /** The active cell with its sheet ("Sheet1!D4"): where a pull "at the selected cell" lands. */
  activeCellAddress(): Promise<string>;
  /** Calls `listener` when the user selects other cells; returns the unsubscribe. */
  onSelectionChanged(listener: () => void): () => void;
  /** The workbook's last pull source (never a secret), to prefill the form. */
  lastSource(): Promise<PullSource | undefined>;
  rememberSource(source: PullSource): Promise<void>;
  now(): Date;
}
