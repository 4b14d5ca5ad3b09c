/**
 * The Push panel's state: read the selection, build the plan (entity from the pull record or picked,
 * column mapping, options), run it (Dry run, Push, Retry failed, Undo) through a run session, and the
 * outcome. Runs the pane left "running" when it closed show as interrupted.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { retryPlan, undoPlan, type RunProgress, type RunReport } from "../../bulk";
import type { RunRecord } from "../../office/pushRecord";
import { SelectionError, type SheetSelection } from "../../office/selection";
import { DEFAULT_OPTIONS, preparePush, type PreparedPush, type PushOptions, type Snapshot } from "./pushPlan";
import type { PulledSheet, PushServices } from "./pushServices";
import { recordReads } from "./recordReads";
import { startSession, type RunKind, type RunOutcome } from "./runSession";
import { rowsNeedingAttention } from "./statusCells";

export interface ActiveRun {
  runId: string;
  kind: RunKind;
  progress?: RunProgress;
  pause(): void;
  resume(): void;
  cancel(): void;
}

export interface PushState {
  selection?: SheetSelection;
  pulled?: PulledSheet;
  entity?: string;
  snapshot?: Snapshot;
  options: PushOptions;
  /** The user's column targets, by header. */
  targets: Record<string, string>;
  prepared?: PreparedPush;
  /** Why no plan could be built (an unknown entity...). */
  planError?: string;
  active?: ActiveRun;
  outcome?: RunOutcome;
  interrupted: RunRecord[];
  busy: boolean;
  error?: string;
}

export interface Push extends PushState {
  readSelection(): Promise<void>;
  setEntity(entity: string): void;
  setOption<K extends keyof PushOptions>(key: K, value: PushOptions[K]): void;
  setTarget(header: string, target: string): void;
  dryRun(): Promise<void>;
  push(): Promise<void>;
  retryFailed(): Promise<void>;
  undo(run?: RunRecord): Promise<void>;
  selectFailed(): Promise<void>;
  dismissInterrupted(): void;
  back(): void;
}

interface RunMaterial {
  plan: PreparedPush["plan"];
  selection: SheetSelection;
  undoOf?: RunRecord;
  targetOf?: (header: string) => string;
}

/** Runs going on in this runtime: the pane may close and open again while they go on. */
const liveRuns = new Set<string>();

function messageOf(error: unknown): string {
  if (error instanceof SelectionError) return error.message;
  if (error instanceof Error && error.name !== "Error") return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function usePush(services: PushServices): Push {
  const [state, setState] = useState<PushState>({
    options: DEFAULT_OPTIONS,
    targets: {},
    interrupted: [],
    busy: false,
  });
  const update = useCallback((change: Partial<PushState>) => setState((s) => ({ ...s, ...change })), []);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    services
      .markInterrupted(liveRuns)
      .then((interrupted) => live.current && update({ interrupted }))
      .catch(() => undefined); // No store yet (a fresh workbook): nothing was interrupted.
    return () => {
      live.current = false;
    };
  }, [services, update]);

  const planned = useMemo((): Pick<PushState, "prepared" | "planError"> => {
    if (!state.selection || !state.entity) return {};
    try {
      return {
        prepared: preparePush({
          selection: state.selection,
          entity: state.entity,
          ...(state.snapshot ? { snapshot: state.snapshot } : {}),
          savedTargets: state.targets,
          options: state.options,
        }),
      };
    } catch (error) {
      return { planError: messageOf(error) };
    }
  }, [state.selection, state.entity, state.snapshot, state.targets, state.options]);

  const readSelection = useCallback(async () => {
    update({ busy: true, error: undefined, outcome: undefined });
    try {
      const selection = await services.readSelection();
      const [pulled, snapshot, mapping] = await Promise.all([
        services.readPulledSheet(selection.sheetId),
        services.readSnapshot(selection.sheetId),
        services.readMapping(selection.sheetId),
      ]);
      setState((s) => ({
        ...s,
        selection,
        pulled,
        snapshot,
        entity: pulled?.entity ?? mapping?.entity ?? s.entity,
        targets: mapping?.targets ?? {},
        options: { ...s.options, changedOnly: snapshot !== undefined },
        busy: false,
      }));
    } catch (error) {
      update({ busy: false, error: messageOf(error) });
    }
  }, [services, update]);

  const run = useCallback(
    async (kind: RunKind, make: () => RunMaterial) => {
      const port = services.port();
      if (!port) {
        update({ error: "Sign in to Halo first (Connect, above)." });
        return;
      }
      let made;
      try {
        made = make();
      } catch (error) {
        update({ error: messageOf(error) });
        return;
      }
      update({ error: undefined, outcome: undefined });
      // The run's first progress comes before the pane knows the run: kept here, so it shows at once.
      let latest: RunProgress | undefined;
      const session = startSession(
        services,
        {
          kind,
          plan: made.plan,
          selection: made.selection,
          instanceUrl: port.instance ?? "",
          port,
          ...(state.snapshot && kind !== "undo" ? { snapshot: state.snapshot } : {}),
          verify: state.options.verify,
          ...(kind === "undo"
            ? { conflicts: "skip" as const }
            : recordReads(state.options, !!state.snapshot)),
          ...(made.undoOf ? { undoOf: made.undoOf } : {}),
          ...(made.targetOf ? { targetOf: made.targetOf } : {}),
        },
        (progress) => {
          latest = progress;
          if (live.current) setState((s) => (s.active ? { ...s, active: { ...s.active, progress } } : s));
        },
      );
      liveRuns.add(session.runId);
      update({
        active: {
          runId: session.runId,
          kind,
          ...(latest ? { progress: latest } : {}),
          pause: () => session.handle.pause(),
          resume: () => session.handle.resume(),
          cancel: () => session.handle.cancel(),
        },
      });
      try {
        const outcome = await session.outcome;
        if (live.current) update({ active: undefined, outcome });
      } catch (error) {
        if (live.current) update({ active: undefined, error: `The run stopped: ${messageOf(error)}` });
      } finally {
        liveRuns.delete(session.runId);
      }
    },
    [services, state.snapshot, state.options, update],
  );

  const pushOrDry = useCallback(
    async (dry: boolean) => {
      const { selection, entity } = state;
      if (!selection || !entity) return;
      if (!dry && Object.keys(state.targets).length > 0)
        await services.writeMapping(selection.sheetId, { version: 1, entity, targets: state.targets }).catch(
          () => undefined, // The push goes on; only next time's mapping is lost.
        );
      await run(dry ? "dryRun" : "push", () => {
        const prepared = preparePush({
          selection,
          entity,
          ...(state.snapshot ? { snapshot: state.snapshot } : {}),
          savedTargets: state.targets,
          options: state.options,
          dryRun: dry,
        });
        const targets = new Map(prepared.matches.map((m) => [m.header, m.target]));
        return {
          plan: prepared.plan,
          selection,
          targetOf: (header: string) => targets.get(header) ?? header,
        };
      });
    },
    [run, services, state],
  );

  const retryFailed = useCallback(async () => {
    const outcome = state.outcome;
    if (!outcome) return;
    await run("retry", () => ({
      plan: retryPlan(outcome.plan, outcome.report),
      selection: outcome.selection,
    }));
  }, [run, state.outcome]);

  const undo = useCallback(
    async (target?: RunRecord) => {
      const record = target ?? state.outcome?.record;
      if (!record) return;
      const selection = state.outcome?.selection ?? state.selection;
      const report: RunReport = {
        entity: record.entity,
        dryRun: record.dryRun,
        results: record.results.map(
          (r, key) =>
            r ?? { key, rowNumber: 0, status: "NotSent", message: "Not settled: the run was interrupted." },
        ),
        journal: record.journal,
        requests: record.requests,
        writes: 0,
        reads: 0,
        rateLimitWaits: 0,
        rateLimitWaitMs: 0,
        elapsedMs: record.elapsedMs,
        cancelled: false,
      };
      await run("undo", () => {
        const plan = undoPlan(report);
        if (plan.rows.every((row) => row.action !== "update"))
          throw new Error(
            record.journal.length === 0
              ? "Nothing to undo: this run changed no record (or kept no before-images)."
              : "Nothing to undo: no row of this run was updated.",
          );
        return {
          plan,
          selection:
            selection && selection.sheetId === record.sheetId ? selection : placeholderSelection(record),
          undoOf: record,
        };
      });
    },
    [run, state.outcome, state.selection],
  );

  const selectFailed = useCallback(async () => {
    const outcome = state.outcome;
    if (!outcome) return;
    await services
      .selectRows(outcome.selection, rowsNeedingAttention(outcome.record.results))
      .catch((error: unknown) => update({ error: messageOf(error) }));
  }, [services, state.outcome, update]);

  return {
    ...state,
    ...planned,
    readSelection,
    setEntity: (entity) => update({ entity }),
    setOption: (key, value) => setState((s) => ({ ...s, options: { ...s.options, [key]: value } })),
    setTarget: (header, target) => setState((s) => ({ ...s, targets: { ...s.targets, [header]: target } })),
    dryRun: () => pushOrDry(true),
    push: () => pushOrDry(false),
    retryFailed,
    undo,
    selectFailed,
    dismissInterrupted: () => update({ interrupted: [] }),
    back: () => update({ outcome: undefined }),
  };
}

/** Undoing a run from History when its sheet's selection is not at hand: Status goes beside the rows by their numbers. */
function placeholderSelection(record: RunRecord): SheetSelection {
  return {
    sheetId: record.sheetId,
    sheetName: record.sheetName,
    address: "",
    headerRowNumber: 1,
    firstColumn: 0,
    headers: [],
    rows: [],
    hiddenRows: [],
    formulas: [],
    selectedColumns: [],
    nextFreeColumn: 0,
  };
}
