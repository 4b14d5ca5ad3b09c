/**
 * The Pull panel: Halo rows into a sheet, and Refresh for a sheet that came from a pull. What is
 * happening (progress, the result, warnings) sits above the form, where a short pane still shows it.
 */
import { Body1, Button, Card, CardHeader, Subtitle1 } from "@fluentui/react-components";
import { useState } from "react";
import { entitySchema, sourceLabel, type PullSource } from "../../halo";
import type { PullRecord } from "../../office/pullRecord";
import { PullStatus } from "./PullStatus";
import type { PullServices } from "./pullServices";
import { SourceForm } from "./SourceForm";
import { usePull } from "./usePull";
import { useLayoutStyles } from "../layoutStyles";

function pulledAt(record: PullRecord): string {
  const at = new Date(record.pulledAt);
  return Number.isNaN(at.getTime())
    ? record.pulledAt
    : at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

function RefreshCard({
  record,
  busy,
  onRefresh,
}: {
  record: PullRecord;
  busy: boolean;
  onRefresh(): void;
}): JSX.Element {
  return (
    <Card appearance="filled-alternative" aria-label="This sheet's pull">
      <CardHeader
        header={
          <Body1>
            This sheet came from <b>{sourceLabel(record.source)}</b>
          </Body1>
        }
        description={`${record.rowCount.toLocaleString("en-US")} rows pulled ${pulledAt(record)}`}
        action={
          <Button appearance="primary" disabled={busy} onClick={onRefresh}>
            Refresh
          </Button>
        }
      />
    </Card>
  );
}

/** The SQL that reads an entity's table in one request (the sandbox and Halo name tables by model). */
function sqlFor(source: PullSource): PullSource {
  if (source.kind !== "entity") return source;
  return { kind: "sql", sql: `SELECT * FROM ${entitySchema(source.entity).model}` };
}

export function PullPanel({ services }: { services: PullServices }): JSX.Element {
  const layout = useLayoutStyles();
  const state = usePull(services);
  const [suggested, setSuggested] = useState<PullSource | undefined>(undefined);
  const phase = state.phase;
  return (
    <section className={layout.panel} aria-label="Pull">
      <Subtitle1 as="h2">Pull rows from Halo</Subtitle1>
      <Body1 className={layout.muted}>
        Rows land as an Excel table with Halo&apos;s field names as headers. Edit them, then push them back.
      </Body1>
      {state.activePull ? (
        <RefreshCard
          record={state.activePull}
          busy={state.busy || phase.kind === "confirmRefresh"}
          onRefresh={state.refresh}
        />
      ) : null}
      <PullStatus
        phase={phase}
        onCancel={state.cancel}
        onConfirm={state.confirm}
        onDismiss={state.dismiss}
        onUseSql={() => {
          if (phase.kind === "confirm") setSuggested(sqlFor(phase.source));
          state.dismiss();
        }}
      />
      <SourceForm
        services={services}
        initial={suggested ?? state.lastSource}
        disabled={state.busy || phase.kind === "confirm" || phase.kind === "confirmRefresh"}
        onPull={state.pull}
      />
    </section>
  );
}
