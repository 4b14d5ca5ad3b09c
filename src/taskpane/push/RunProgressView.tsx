import { Body1, Button, Caption1, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { RunProgress } from "../../bulk";
import type { ActiveRun } from "./usePush";
import { count, duration, plural } from "./format";
import { learnedLimitNote } from "./rateLimitNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const TITLES: Record<ActiveRun["kind"], string> = {
  push: "Pushing to Halo",
  dryRun: "Dry run",
  retry: "Retrying failed rows",
  undo: "Undoing",
};

/** The label above the bar and the line under it, from the run's state: they never disagree. */
function headline(run: ActiveRun, p: RunProgress | undefined): { label: string; hint: string } {
  if (!p) return { label: TITLES[run.kind], hint: "Starting…" };
  if (p.state === "done")
    return {
      label: "Finishing",
      hint: "Every row has its result: writing Status and Message beside the rows.",
    };
  if (p.state === "cancelling")
    return { label: "Cancelling", hint: "The batch in flight finishes; the rest will say NotSent." };
  if (p.state === "pausing")
    return {
      label: "Pausing",
      hint: "The batch in flight finishes first (its waits for the rate limit included), then nothing more is sent.",
    };
  if (p.state === "paused")
    return {
      label: "Paused",
      hint: "Paused between batches: nothing is being sent. Resume goes on where it stopped.",
    };
  const label = TITLES[run.kind];
  if (p.waitingMs) {
    const left = p.etaMs !== undefined ? ` About ${duration(p.etaMs)} left.` : "";
    return {
      label,
      hint: `Waiting ${duration(p.waitingMs)} for Halo's rate limit; the run goes on by itself.${left}`,
    };
  }
  if (p.etaMs !== undefined) return { label, hint: `About ${duration(p.etaMs)} left.` };
  return { label, hint: p.rowsDone === 0 && p.requests === 0 ? "Starting…" : "Working out the time left…" };
}

function soFar(p: RunProgress): string {
  const waits = plural(p.rateLimitWaits, "rate-limit wait");
  // A wait counts in full when it starts: say so while it is under way, or it reads as more than elapsed.
  const waited =
    p.rateLimitWaits === 0
      ? ""
      : ` (${duration(p.rateLimitWaitMs)}${p.waitingMs ? ", the one under way included" : ""})`;
  return `So far: ${plural(p.requests, "request")} · ${duration(p.elapsedMs)} elapsed · ${waits}${waited} · batches of ${p.batchSize} rows`;
}

/** What is still to come: requests, and the rate-limit waiting they will meet. */
function ahead(p: RunProgress): string | undefined {
  if (p.state === "done" || p.requestsAhead === undefined || p.requestsAhead === 0) return undefined;
  const requests = `About ${plural(p.requestsAhead, "more request")}`;
  if (p.waitAheadMs === undefined) return `${requests} to send.`;
  return p.waitAheadMs > 0
    ? `${requests}, ~${duration(p.waitAheadMs)} of rate-limit waits ahead.`
    : `${requests}, no rate-limit wait expected.`;
}

/** Rows done / total, requests, rate-limit waits and ETA (waits to come included), with Pause, Resume and Cancel. */
export function RunProgressView({ run }: { run: ActiveRun }): JSX.Element {
  const styles = useStyles();
  const p = run.progress;
  const state = p?.state ?? "running";
  const { label, hint } = headline(run, p);
  const still = p ? ahead(p) : undefined;
  return (
    <section className={styles.root} aria-label="Progress">
      <Field label={label} validationState="none" hint={hint}>
        <ProgressBar value={p && p.rowsTotal > 0 ? p.rowsDone / p.rowsTotal : undefined} />
      </Field>
      {p ? <Body1 role="status">{`${count(p.rowsDone)} of ${plural(p.rowsTotal, "row")} done`}</Body1> : null}
      {p ? <Caption1>{soFar(p)}</Caption1> : null}
      {still ? <Caption1>{still}</Caption1> : null}
      {p?.learnedRateLimit && still ? <Caption1>{learnedLimitNote(p.learnedRateLimit)}</Caption1> : null}
      <div className={styles.actions}>
        {state === "paused" || state === "pausing" ? (
          <Button appearance="primary" onClick={run.resume}>
            Resume
          </Button>
        ) : (
          <Button onClick={run.pause} disabled={state !== "running"}>
            Pause
          </Button>
        )}
        <Button onClick={run.cancel} disabled={state === "cancelling" || state === "done"}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
