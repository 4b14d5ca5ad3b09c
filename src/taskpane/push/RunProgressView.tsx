import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { ActiveRun } from "./usePush";
import { count, duration, plural } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const TITLES: Record<ActiveRun["kind"], string> = {
  push: "Pushing",
  dryRun: "Dry run",
  retry: "Retrying failed rows",
  undo: "Undoing",
};

/** Rows done / total, requests, rate-limit waits and ETA, with Pause, Resume and Cancel. */
export function RunProgressView({ run }: { run: ActiveRun }): JSX.Element {
  const styles = useStyles();
  const p = run.progress;
  const state = p?.state ?? "running";
  const label = state === "paused" ? "Paused" : state === "cancelling" ? "Cancelling" : TITLES[run.kind];
  const hint =
    state === "cancelling"
      ? "The batch in flight finishes; the rest will say NotSent."
      : state === "paused"
        ? "Paused between batches: nothing is being sent."
        : p?.waitingMs
          ? `Waiting ${duration(p.waitingMs)} for Halo's rate limit.`
          : p?.etaMs !== undefined
            ? `About ${duration(p.etaMs)} left.`
            : "Starting…";
  return (
    <section className={styles.root} aria-label="Progress">
      <Field label={label} validationState="none" hint={hint}>
        <ProgressBar value={p && p.rowsTotal > 0 ? p.rowsDone / p.rowsTotal : undefined} />
      </Field>
      <Body1 role="status">
        {p ? `${count(p.rowsDone)} of ${plural(p.rowsTotal, "row")} done` : "Starting…"}
      </Body1>
      {p ? (
        <Caption1>
          {plural(p.requests, "request")} · {plural(p.rateLimitWaits, "rate-limit wait")}
          {p.rateLimitWaits > 0 ? ` (${duration(p.rateLimitWaitMs)})` : ""} · batches of {p.batchSize} ·{" "}
          {duration(p.elapsedMs)} so far
        </Caption1>
      ) : null}
      <div className={styles.actions}>
        {state === "paused" ? (
          <Button appearance="primary" onClick={run.resume}>
            Resume
          </Button>
        ) : (
          <Button onClick={run.pause} disabled={state === "cancelling"}>
            Pause
          </Button>
        )}
        <Button onClick={run.cancel} disabled={state === "cancelling"}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
