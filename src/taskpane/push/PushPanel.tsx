import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle1,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { entityNames, planCounts, type HaloPort } from "../../bulk";
import { ChangesGrid } from "./ChangesGrid";
import { MappingTable } from "./MappingTable";
import { PlanSummary } from "./PlanSummary";
import { recordReads } from "./recordReads";
import { RequestCostNote } from "./RequestCostNote";
import type { PushServices } from "./pushServices";
import { RunView } from "./RunView";
import { useLayoutStyles } from "../layoutStyles";
import { usePush, type Push } from "./usePush";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column" },
});

function InterruptedBars({ push }: { push: Push }): JSX.Element | null {
  if (push.interrupted.length === 0) return null;
  return (
    <>
      {push.interrupted.map((run) => {
        const settled = run.results.filter((r) => r !== null).length;
        return (
          <MessageBar key={run.runId} intent="warning">
            <MessageBarBody>
              A push to {run.entity} on {run.sheetName} was interrupted (the pane or workbook closed) after{" "}
              {settled} of {run.rowsTotal} rows. Their Status is in the sheet; the rest were not sent. Undo it
              from History, or select the rest and push again.
            </MessageBarBody>
          </MessageBar>
        );
      })}
      <div>
        <Button size="small" onClick={push.dismissInterrupted}>
          Dismiss
        </Button>
      </div>
    </>
  );
}

function Preview({ push, port }: { push: Push; port: HaloPort | undefined }): JSX.Element | null {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const entities = useMemo(() => entityNames(), []);
  const { selection, prepared } = push;
  if (!selection) return null;
  const counts = prepared ? planCounts(prepared.plan) : undefined;
  const sends = counts ? counts.update + counts.create > 0 : false;
  const hasSnapshot = push.snapshot !== undefined;
  const selectedMatches = prepared
    ? prepared.matches.filter((_, i) => selection.selectedColumns.includes(i))
    : [];
  return (
    <>
      <Body1>
        {selection.address}: {selection.rows.length} rows
        {prepared?.payloadColumn !== undefined
          ? `, payload column "${prepared.payloadColumn}"`
          : `, ${selectedMatches.length} field columns`}
        {push.pulled ? ` (pulled ${new Date(push.pulled.pulledAt).toLocaleString()})` : ""}
      </Body1>
      <Caption1>
        Headers from row {selection.headerRowNumber}
        {selection.tableName
          ? `, the header row of table ${selection.tableName}`
          : ", the first selected row"}
        .
      </Caption1>
      {push.pulled?.entity ? (
        <Body1>Entity: {push.entity}</Body1>
      ) : (
        <Field
          label="Entity"
          hint={
            push.pulled
              ? "This sheet came from a report or SQL, which does not say what its rows are: which kind of Halo record do they update?"
              : "This sheet was not pulled: which kind of Halo record do the rows update?"
          }
          required
        >
          <Dropdown
            placeholder="Choose an entity"
            value={push.entity ?? ""}
            selectedOptions={push.entity ? [push.entity] : []}
            onOptionSelect={(_, data) => data.optionValue && push.setEntity(data.optionValue)}
          >
            {entities.map((name) => (
              <Option key={name}>{name}</Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {push.planError ? (
        <MessageBar intent="error">
          <MessageBarBody>{push.planError}</MessageBarBody>
        </MessageBar>
      ) : null}
      {prepared ? (
        <>
          <PlanSummary plan={prepared.plan} notes={prepared.notes} hiddenRows={selection.hiddenRows} />
          {selectedMatches.length > 0 && push.entity ? (
            <MappingTable entity={push.entity} matches={selectedMatches} onChange={push.setTarget} />
          ) : null}
          {sends ? <ChangesGrid plan={prepared.plan} /> : null}
          <div className={styles.options} role="group" aria-label="Options">
            <Checkbox
              label={
                hasSnapshot ? "Send changed fields only" : "Send changed fields only (needs a pull snapshot)"
              }
              checked={push.options.changedOnly && hasSnapshot}
              disabled={!hasSnapshot}
              onChange={(_, data) => push.setOption("changedOnly", data.checked === true)}
            />
            <Checkbox
              label="Overwrite conflicts (fields changed in Halo since the pull)"
              checked={push.options.overwriteConflicts}
              disabled={!hasSnapshot}
              onChange={(_, data) => push.setOption("overwriteConflicts", data.checked === true)}
            />
            <Checkbox
              label="Allow creates (rows without an id create records)"
              checked={push.options.allowCreate}
              onChange={(_, data) => push.setOption("allowCreate", data.checked === true)}
            />
            <Checkbox
              label="Don't fire automations"
              checked={push.options.dontFireAutomations}
              onChange={(_, data) => push.setOption("dontFireAutomations", data.checked === true)}
            />
            <Checkbox
              label="Verify after write (read each row back)"
              checked={push.options.verify}
              onChange={(_, data) => push.setOption("verify", data.checked === true)}
            />
            <Checkbox
              label={
                push.options.readRecords
                  ? "Read each record before writing it (for Undo and the conflict check)"
                  : hasSnapshot
                    ? "Read each record before writing it: off, so fields changed in Halo since the pull are not checked, and Undo writes back the values as pulled"
                    : "Read each record before writing it: off, so this push cannot be undone"
              }
              checked={push.options.readRecords}
              onChange={(_, data) => push.setOption("readRecords", data.checked === true)}
            />
          </div>
          {sends ? (
            <RequestCostNote
              plan={prepared.plan}
              reads={recordReads(push.options, hasSnapshot)}
              port={port}
            />
          ) : null}
          <div className={layout.actions}>
            <Button onClick={() => void push.dryRun()} disabled={!sends}>
              Dry run
            </Button>
            <Button appearance="primary" onClick={() => void push.push()} disabled={!sends}>
              Push
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
}

/** Step 4: preview the selection's changes, Dry run or Push, follow the run, and act on its result. */
export function PushPanel({ services }: { services: PushServices }): JSX.Element {
  const layout = useLayoutStyles();
  const push = usePush(services);
  return (
    <section className={layout.panel} aria-label="Push">
      <Subtitle1 as="h2">Push to Halo</Subtitle1>
      <InterruptedBars push={push} />
      {push.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{push.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {push.active || push.outcome ? (
        <RunView push={push} />
      ) : (
        <>
          <Body1>
            Select the rows to push: the payload column (=HALO.PAYLOAD cells), or the columns of the fields
            you edited. Outside an Excel table, select the header row too: the first selected row gives the
            headers. Then preview what will change.
          </Body1>
          <div className={layout.actions}>
            <Button
              appearance={push.selection ? "secondary" : "primary"}
              onClick={() => void push.readSelection()}
              disabled={push.busy}
            >
              {push.selection ? "Preview the selection again" : "Preview selection"}
            </Button>
            {push.busy ? <Spinner size="tiny" label="Reading the selection…" /> : null}
          </div>
          <Preview push={push} port={services.port()} />
        </>
      )}
    </section>
  );
}
