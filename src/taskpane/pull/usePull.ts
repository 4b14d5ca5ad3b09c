/**
 * The Pull panel's state machine: estimate (large entity pulls) -> read from Halo -> write the table
 * -> save the pull record and snapshot -> done with warnings; Cancel at any point before the table
 * exists undoes everything. Refresh runs the active sheet's source again into its table.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  isHaloError,
  sourceLabel,
  type PullEstimate,
  type PullSource,
  type PullWarning,
  type PulledTable,
} from "../../halo";
import type { PullRecord } from "../../office/pullRecord";
import { PullCancelled, TargetNotEmpty } from "../../office/pullWriter";
import { TableMissing } from "../../office/refreshTable";
import type { LandedTable, PullServices, PullTarget } from "./pullServices";

/** Above this many paged requests an entity pull asks first (5,000 records). */
export const ESTIMATE_CONFIRM_REQUESTS = 50;

export type PullPhase =
  | { kind: "idle" }
  | { kind: "estimating"; source: PullSource }
  | { kind: "confirm"; source: PullSource; target: PullTarget; estimate: PullEstimate }
  /** Refresh would replace cells the user changed since the pull: asked first. */
  | { kind: "confirmRefresh"; edits: string[] }
  | { kind: "reading"; rows: number; pages: number; total?: number }
  | { kind: "writing"; rows: number; total: number; cancellable: boolean }
  | { kind: "saving" }
  | { kind: "done"; summary: string; warnings: PullWarning[]; sheetName: string }
  | { kind: "cancelled"; message: string }
  | { kind: "failed"; message: string };

export interface PullState {
  phase: PullPhase;
  busy: boolean;
  /** The active sheet's pull, when it came from one: Refresh is offered. */
  activePull: PullRecord | undefined;
  lastSource: PullSource | undefined;
  pull(source: PullSource, target: PullTarget): void;
  /** Goes ahead with a large pull after the estimate, or a Refresh that replaces the user's changes. */
  confirm(): void;
  /** Leaves the estimate without pulling, or the Refresh without writing. */
  dismiss(): void;
  cancel(): void;
  refresh(): void;
}

/** Messages written for the user (Halo's, ours); anything else is named, not shown raw. */
function messageOf(error: unknown): string {
  if (isHaloError(error) || error instanceof TargetNotEmpty || error instanceof TableMissing)
    return error.message;
  if (error instanceof Error && /Excel|RichApi/.test(error.name))
    return `Excel refused the write (${(error as Error & { code?: string }).code ?? error.name}): nothing was kept. Try again.`;
  return `The pull failed unexpectedly${error instanceof Error ? ` (${error.name}: ${error.message})` : ""}; nothing was written.`;
}

function timeOf(date: Date): string {
  return date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

export function usePull(services: PullServices): PullState {
  const [phase, setPhase] = useState<PullPhase>({ kind: "idle" });
  const [activePull, setActivePull] = useState<PullRecord | undefined>(undefined);
  const [lastSource, setLastSource] = useState<PullSource | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  const cancelled = useRef(false);
  const pending = useRef<{ source: PullSource; target: PullTarget } | undefined>(undefined);
  const pendingRefresh = useRef<{ record: PullRecord; table: PulledTable } | undefined>(undefined);

  const readActive = useCallback(() => {
    services.activeSheetPull().then(setActivePull, () => setActivePull(undefined));
  }, [services]);

  useEffect(() => {
    readActive();
    services.lastSource().then(setLastSource, () => undefined);
    return services.onActiveSheetChanged(readActive);
  }, [services, readActive]);

  const read = useCallback(
    async (source: PullSource): Promise<PulledTable> => {
      const controller = new AbortController();
      abort.current = controller;
      cancelled.current = false;
      setPhase({ kind: "reading", rows: 0, pages: 0 });
      return services.read(source, {
        signal: controller.signal,
        onProgress: (p) => setPhase({ kind: "reading", ...p }),
      });
    },
    [services],
  );

  const finish = useCallback(
    (
      table: PulledTable,
      source: PullSource,
      landed: LandedTable,
      record: PullRecord,
      at: Date,
      refreshed = false,
    ) => {
      const count = table.rows.length.toLocaleString("en-US");
      const rows = `${count} row${table.rows.length === 1 ? "" : "s"} from ${sourceLabel(source)} at ${timeOf(at)}`;
      setPhase({
        kind: "done",
        summary: refreshed
          ? `Refreshed sheet "${landed.sheetName}": ${rows}.`
          : `${rows}, on sheet "${landed.sheetName}".`,
        warnings: table.warnings,
        sheetName: landed.sheetName,
      });
      setActivePull(record);
    },
    [],
  );

  const recordFor = useCallback(
    (source: PullSource, table: PulledTable, landed: LandedTable, at: Date, entity?: string): PullRecord => {
      const record: PullRecord = {
        version: 1,
        sheetId: landed.sheetId,
        sheetName: landed.sheetName,
        tableName: landed.tableName,
        instanceUrl: services.instanceUrl,
        source,
        pulledAt: at.toISOString(),
        headers: table.headers,
        rowCount: table.rows.length,
      };
      const known = source.kind === "entity" ? source.entity : entity;
      if (known !== undefined) record.entity = known;
      return record;
    },
    [services],
  );

  const run = useCallback(
    async (source: PullSource, target: PullTarget) => {
      try {
        const table = await read(source);
        if (cancelled.current) throw new PullCancelled();
        if (table.rows.length === 0) {
          setPhase({
            kind: "done",
            summary: `0 rows from ${sourceLabel(source)}: nothing was written.`,
            warnings: table.warnings,
            sheetName: "",
          });
          return;
        }
        setPhase({ kind: "writing", rows: 0, total: table.rows.length, cancellable: true });
        const landed = await services.write(table, sourceLabel(source), target, {
          cancelled: () => cancelled.current,
          onProgress: (rows, total) => setPhase({ kind: "writing", rows, total, cancellable: true }),
        });
        setPhase({ kind: "saving" });
        const at = services.now();
        const record = recordFor(source, table, landed, at);
        await services.save(record, { headers: table.headers, rows: table.rows });
        await services.rememberSource(source).catch(() => undefined);
        setLastSource(source);
        finish(table, source, landed, record, at);
      } catch (error) {
        if (cancelled.current || error instanceof PullCancelled) {
          setPhase({
            kind: "cancelled",
            message: "Pull cancelled: nothing was written; the workbook is as it was.",
          });
        } else {
          setPhase({ kind: "failed", message: messageOf(error) });
        }
      } finally {
        abort.current = undefined;
      }
    },
    [read, services, recordFor, finish],
  );

  const pull = useCallback(
    (source: PullSource, target: PullTarget) => {
      if (source.kind !== "entity") {
        void run(source, target);
        return;
      }
      setPhase({ kind: "estimating", source });
      services.estimate(source).then(
        (estimate) => {
          if (estimate.requests > ESTIMATE_CONFIRM_REQUESTS) {
            pending.current = { source, target };
            setPhase({ kind: "confirm", source, target, estimate });
          } else void run(source, target);
        },
        (error: unknown) => setPhase({ kind: "failed", message: messageOf(error) }),
      );
    },
    [run, services],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    abort.current?.abort();
  }, []);

  const refreshFailed = useCallback((error: unknown) => {
    if (cancelled.current || error instanceof PullCancelled)
      setPhase({ kind: "cancelled", message: "Refresh cancelled: the sheet is as it was." });
    else setPhase({ kind: "failed", message: messageOf(error) });
  }, []);

  /** Writes Halo's rows into the sheet's table and renews the record and snapshot. */
  const writeRefresh = useCallback(
    async (record: PullRecord, table: PulledTable) => {
      try {
        setPhase({ kind: "writing", rows: 0, total: table.rows.length, cancellable: false });
        const landed = await services.refresh(record, table, {
          onProgress: (rows, total) => setPhase({ kind: "writing", rows, total, cancellable: false }),
        });
        setPhase({ kind: "saving" });
        const at = services.now();
        const renewed = recordFor(record.source, table, landed, at, record.entity);
        await services.save(renewed, { headers: table.headers, rows: table.rows });
        finish(table, record.source, landed, renewed, at, true);
      } catch (error) {
        refreshFailed(error);
      }
    },
    [services, recordFor, finish, refreshFailed],
  );

  const refresh = useCallback(() => {
    const record = activePull;
    if (record === undefined) return;
    void (async () => {
      try {
        const table = await read(record.source);
        if (cancelled.current) throw new PullCancelled();
        // Cells the user changed and has not pushed would be replaced: ask first.
        const edits = await services.editsSincePull(record, table);
        if (edits.length > 0) {
          pendingRefresh.current = { record, table };
          setPhase({ kind: "confirmRefresh", edits });
          return;
        }
        await writeRefresh(record, table);
      } catch (error) {
        refreshFailed(error);
      } finally {
        abort.current = undefined;
      }
    })();
  }, [activePull, read, services, writeRefresh, refreshFailed]);

  const confirm = useCallback(() => {
    const next = pending.current;
    pending.current = undefined;
    if (next !== undefined) void run(next.source, next.target);
    const refreshing = pendingRefresh.current;
    pendingRefresh.current = undefined;
    if (refreshing !== undefined) void writeRefresh(refreshing.record, refreshing.table);
  }, [run, writeRefresh]);

  const dismiss = useCallback(() => {
    pending.current = undefined;
    const refreshing = pendingRefresh.current !== undefined;
    pendingRefresh.current = undefined;
    setPhase(
      refreshing
        ? {
            kind: "cancelled",
            message: "Refresh not done: your changes are kept and the sheet is as it was.",
          }
        : { kind: "idle" },
    );
  }, []);

  const busy = ["estimating", "reading", "writing", "saving"].includes(phase.kind);
  return { phase, busy, activePull, lastSource, pull, confirm, dismiss, cancel, refresh };
}
