import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { HistoryEntry } from "../../office/pushRecord";
import { duration } from "../push/format";
import type { PushServices } from "../push/pushServices";
import { RunView } from "../push/RunView";
import { usePush } from "../push/usePush";
import { useLayoutStyles } from "../layoutStyles";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

function kindOf(entry: HistoryEntry): string {
  if (entry.undoOf) return `Undo of ${entry.undoOf}`;
  return entry.dryRun ? "Dry run" : "Push";
}

function summary(entry: HistoryEntry): string {
  const c = entry.counts;
  return [
    `${c.updated} updated`,
    c.created ? `${c.created} created` : "",
    c.unchanged ? `${c.unchanged} unchanged` : "",
    c.skipped ? `${c.skipped} skipped` : "",
    c.conflicts ? `${c.conflicts} conflicts` : "",
    c.failed ? `${c.failed} failed` : "",
    c.unknown ? `${c.unknown} unknown` : "",
    c.notSent ? `${c.notSent} not sent` : "",
  ]
    .filter((p) => p !== "")
    .join(", ");
}

/** Why a run cannot be undone, or undefined when it can. */
function undoBlocked(entry: HistoryEntry): string | undefined {
  if (entry.dryRun) return "A dry run saved nothing.";
  if (entry.undoOf) return undefined;
  if (entry.undoneBy) return `Undone by ${entry.undoneBy}.`;
  if (entry.undoable === 0)
    return entry.counts.created > 0
      ? "It only created records; undo does not delete records."
      : "It changed no record.";
  return undefined;
}

/** Every run of this workbook, newest first, with Undo where its journal can restore rows. */
export function HistoryPanel({
  services,
  visible,
}: {
  services: PushServices;
  visible: boolean;
}): JSX.Element {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const push = usePush(services);
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    services
      .readHistory()
      .then(setEntries, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [services]);
  useEffect(() => {
    if (visible && !push.active) load();
  }, [visible, push.active, load]);

  const undo = async (entry: HistoryEntry): Promise<void> => {
    const record = await services.readRun(entry.runId);
    if (!record) {
      setError(`The journal of run ${entry.runId} is no longer in this workbook: it cannot be undone.`);
      return;
    }
    await push.undo(record);
  };

  return (
    <section className={layout.panel} aria-label="History">
      <Subtitle1 as="h2">History</Subtitle1>
      {error || push.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{error ?? push.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <RunView push={push} />
      {entries === undefined ? null : entries.length === 0 ? (
        <Body1>
          No pushes in this workbook yet. Each push and dry run is listed here and on the HaloSheet Log sheet.
        </Body1>
      ) : (
        <ul className={styles.list} aria-label="Runs">
          {entries.map((entry) => {
            const blocked = undoBlocked(entry);
            return (
              <li key={entry.runId} className={styles.item}>
                <Body1>
                  {kindOf(entry)}: {entry.entity} on {entry.sheetName},{" "}
                  {new Date(entry.startedAt).toLocaleString()}
                  {entry.state !== "done" ? ` (${entry.state})` : ""}
                </Body1>
                <Caption1>
                  {summary(entry)} · {entry.requests} requests · {duration(entry.elapsedMs)} ·{" "}
                  {entry.instanceUrl}
                </Caption1>
                {blocked ? (
                  <Caption1>{blocked}</Caption1>
                ) : (
                  <div>
                    <Button
                      size="small"
                      aria-label={`Undo run ${entry.runId}`}
                      disabled={push.active !== undefined}
                      onClick={() => void undo(entry)}
                    >
                      Undo
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
