/** What a pull is doing, what it cost, and how it ended: progress, the large-pull estimate, the result. */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import { sourceLabel, type PullEstimate, type PullSource } from "../../halo";
import type { PullPhase } from "./usePull";
import { useLayoutStyles } from "../layoutStyles";

const n = (value: number): string => value.toLocaleString("en-US");

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? "" : "s"}`;
}

export function estimateText(source: PullSource, estimate: PullEstimate): string {
  const wait =
    estimate.waitSeconds > 0
      ? `more than Halo's 300 per 5 minutes, so at least ${minutes(estimate.waitSeconds)} of waiting on Halo's rate limit`
      : "within Halo's 300 per 5 minutes, but every other HaloSheet call waits behind them";
  return (
    `${sourceLabel(source)}: ${n(estimate.records)} records take ${n(estimate.requests)} paged requests, ${wait}. ` +
    `A saved report or an SQL query returns the same rows in one or two requests.`
  );
}

/** Cells named in the Refresh question at most: the rest are counted. */
const CELLS_NAMED = 5;

export function refreshEditsText(edits: readonly string[]): string {
  const named = edits.slice(0, CELLS_NAMED).join(", ");
  const more = edits.length > CELLS_NAMED ? ` and ${n(edits.length - CELLS_NAMED)} more` : "";
  const cells = edits.length === 1 ? "1 cell" : `${n(edits.length)} cells`;
  return (
    `${cells} in Halo's columns changed since the pull and not pushed (${named}${more}). ` +
    `Refresh replaces them with Halo's values: push them first to keep them, or refresh anyway.`
  );
}

interface Props {
  phase: PullPhase;
  onCancel(): void;
  onConfirm(): void;
  onDismiss(): void;
  onUseSql(): void;
}

export function PullStatus({ phase, onCancel, onConfirm, onDismiss, onUseSql }: Props): JSX.Element | null {
  const layout = useLayoutStyles();
  switch (phase.kind) {
    case "idle":
      return null;
    case "estimating":
      return (
        <Field label="Counting the records…" className={layout.section}>
          <ProgressBar />
        </Field>
      );
    case "confirm":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>A large pull</MessageBarTitle>
            {estimateText(phase.source, phase.estimate)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onConfirm}>Pull anyway</Button>
            <Button onClick={onUseSql}>Use SQL instead</Button>
            <Button appearance="transparent" onClick={onDismiss}>
              Not now
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "confirmRefresh":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Refresh would replace your changes</MessageBarTitle>
            {refreshEditsText(phase.edits)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onConfirm}>Refresh anyway</Button>
            <Button appearance="primary" onClick={onDismiss}>
              Keep my changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "reading":
    case "writing":
    case "saving": {
      const reading = phase.kind === "reading";
      const label = reading
        ? `Reading from Halo: ${n(phase.rows)}${phase.total === undefined ? "" : ` of ${n(phase.total)}`} rows, ${n(phase.pages)} page${phase.pages === 1 ? "" : "s"}`
        : phase.kind === "writing"
          ? `Writing to the sheet: ${n(phase.rows)} of ${n(phase.total)} rows`
          : "Saving the pull record and snapshot in the workbook…";
      const value =
        reading && phase.total
          ? phase.rows / phase.total
          : phase.kind === "writing" && phase.total > 0
            ? phase.rows / phase.total
            : undefined;
      const cancellable = reading || (phase.kind === "writing" && phase.cancellable);
      return (
        <div className={layout.section}>
          <Field
            label={label}
            validationState="none"
            // Said only while Cancel is offered: writing a Refresh or saving the record cannot stop.
            hint={cancellable ? "Cancel stops it: either every row lands or none does." : undefined}
          >
            <ProgressBar value={value} />
          </Field>
          {cancellable ? (
            <div className={layout.compactActions}>
              <Button onClick={onCancel}>Cancel</Button>
            </div>
          ) : null}
        </div>
      );
    }
    case "done":
      return (
        <div className={layout.section}>
          <MessageBar intent="success">
            <MessageBarBody>{phase.summary}</MessageBarBody>
          </MessageBar>
          {phase.warnings.map((warning) => (
            <MessageBar key={warning.kind} intent="warning" layout="multiline">
              <MessageBarBody>{warning.message}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      );
    case "cancelled":
      return (
        <MessageBar intent="info">
          <MessageBarBody>{phase.message}</MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{phase.message}</MessageBarBody>
        </MessageBar>
      );
  }
}
