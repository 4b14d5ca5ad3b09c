import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { RunCounts } from "../../office/pushRecord";
import type { RunOutcome } from "./runSession";
import { count, plural } from "./format";
import { rowsNeedingAttention } from "./statusCells";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "160px", overflowY: "auto" },
});

function countsText(c: RunCounts, dryRun: boolean, undo: boolean): string {
  const parts = [
    c.updated ? `${count(c.updated)} ${undo ? "restored" : dryRun ? "would update" : "updated"}` : "",
    c.created ? `${count(c.created)} ${dryRun ? "would create" : "created"}` : "",
    c.unchanged ? `${count(c.unchanged)} unchanged` : "",
    c.skipped ? `${count(c.skipped)} skipped` : "",
    c.conflicts ? `${count(c.conflicts)} ${c.conflicts === 1 ? "conflict" : "conflicts"}` : "",
    c.failed ? `${count(c.failed)} failed` : "",
    c.unknown ? `${count(c.unknown)} unknown` : "",
    c.notSent ? `${count(c.notSent)} not sent` : "",
  ].filter((p) => p !== "");
  return parts.length > 0 ? `${parts.join(", ")}.` : "No rows.";
}

function intentOf(c: RunCounts): MessageBarIntent {
  if (c.failed + c.unknown > 0) return "error";
  if (c.conflicts + c.notSent + c.skipped > 0) return "warning";
  return "success";
}

const TITLES = {
  push: "Push finished",
  dryRun: "Dry run finished",
  retry: "Retry finished",
  undo: "Undo finished",
};

const LISTED = 50;

/** The counts, what went wrong row by row, and what to do next. */
export function RunOutcomeView({
  outcome,
  onSelectFailed,
  onRetryFailed,
  onUndo,
  onNew,
}: {
  outcome: RunOutcome;
  onSelectFailed(): void;
  onRetryFailed(): void;
  onUndo(): void;
  onNew(): void;
}): JSX.Element {
  const styles = useStyles();
  const { record, report, kind } = outcome;
  const counts = record.counts;
  const attention = rowsNeedingAttention(record.results);
  const problems = record.results.filter(
    (r) => r && (r.status === "Failed" || r.status === "Conflict" || r.status === "Unknown"),
  );
  const canRetry = counts.failed + counts.notSent > 0 && !record.dryRun;
  const wrote = !record.dryRun && kind !== "undo" && counts.updated > 0;
  // Without before-images (records not read first, no pull snapshot) there is nothing to write back.
  const canUndo = wrote && record.journal.length > 0 && !record.undoneBy;
  const stopped =
    report.fatal?.message ??
    report.halted ??
    (report.cancelled ? "Cancelled: rows not sent say NotSent." : "");
  return (
    <section className={styles.root} aria-label="Result">
      <MessageBar intent={intentOf(counts)}>
        <MessageBarBody>
          <MessageBarTitle>{TITLES[kind]}</MessageBarTitle>
          {countsText(counts, record.dryRun, kind === "undo")} {plural(report.requests, "request")}.
          {record.dryRun ? " Nothing was saved." : ""} {stopped}
          {wrote && record.journal.length === 0
            ? " No record was read before it was written, so this push cannot be undone."
            : ""}
          {attention.length > 0 ? " The Status and Message columns beside the rows say why." : ""}
        </MessageBarBody>
      </MessageBar>
      {problems.length > 0 ? (
        <ul className={styles.list} aria-label="Rows that need attention">
          {problems.slice(0, LISTED).map((r) => (
            <li key={r!.key}>
              Row {r!.rowNumber}: {r!.message.startsWith(`${r!.status}:`) ? "" : `${r!.status}: `}
              {r!.message}
            </li>
          ))}
          {problems.length > LISTED ? <li>… and {problems.length - LISTED} more in the sheet</li> : null}
        </ul>
      ) : null}
      <div className={styles.actions}>
        {attention.length > 0 ? <Button onClick={onSelectFailed}>Select failed rows</Button> : null}
        {canRetry ? <Button onClick={onRetryFailed}>Retry failed</Button> : null}
        {canUndo ? <Button onClick={onUndo}>Undo this run</Button> : null}
        <Button appearance="primary" onClick={onNew}>
          New push
        </Button>
      </div>
    </section>
  );
}
