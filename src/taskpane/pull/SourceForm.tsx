/** Choosing what to pull (a saved report, SQL, an entity list) and where it lands. */
import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  Label,
  Option,
  Radio,
  RadioGroup,
  Tab,
  TabList,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { entityLabel, type PullSource } from "../../halo";
import { entityOptions } from "../entityOptions";
import type { PullServices, PullTarget, ReportChoice } from "./pullServices";
import { useLayoutStyles } from "../layoutStyles";
import { useActiveCell } from "./useActiveCell";

type SourceKind = PullSource["kind"];

export interface SourceFormProps {
  services: PullServices;
  initial: PullSource | undefined;
  disabled: boolean;
  onPull(source: PullSource, target: PullTarget): void;
}

function useReports(services: PullServices): {
  reports: ReportChoice[];
  error: string | undefined;
  loading: boolean;
} {
  const [reports, setReports] = useState<ReportChoice[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    const controller = new AbortController();
    services.listReports(controller.signal).then(
      (list) => {
        setReports(list);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(`The saved reports could not be listed: ${e instanceof Error ? e.message : String(e)}`);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [services]);
  return { reports, error, loading };
}

export function SourceForm({ services, initial, disabled, onPull }: SourceFormProps): JSX.Element {
  const layout = useLayoutStyles();
  const [kind, setKind] = useState<SourceKind>("report");
  const [report, setReport] = useState<ReportChoice | undefined>(undefined);
  const [reportText, setReportText] = useState("");
  const [sql, setSql] = useState("");
  const [entity, setEntity] = useState("Client");
  const [search, setSearch] = useState("");
  const [includeInactive, setIncludeInactive] = useState(false);
  const [target, setTarget] = useState<PullTarget["kind"]>("newSheet");
  const { reports, error: reportsError, loading } = useReports(services);
  const activeCell = useActiveCell(services);

  // The workbook's last source fills the form once it is known.
  useEffect(() => {
    if (initial === undefined) return;
    setKind(initial.kind);
    if (initial.kind === "report") {
      setReport({ id: initial.reportId, name: initial.reportName });
      setReportText(initial.reportName);
    } else if (initial.kind === "sql") setSql(initial.sql);
    else {
      setEntity(initial.entity);
      setSearch(initial.search ?? "");
      setIncludeInactive(initial.includeInactive === true);
    }
  }, [initial]);

  const matching = useMemo(() => {
    const text = reportText.trim().toLowerCase();
    if (text === "" || (report !== undefined && reportText === report.name)) return reports;
    return reports.filter((r) => r.name.toLowerCase().includes(text) || String(r.id) === text);
  }, [reports, reportText, report]);

  const source = ((): PullSource | undefined => {
    if (kind === "report") return report && { kind, reportId: report.id, reportName: report.name };
    if (kind === "sql") return sql.trim() === "" ? undefined : { kind, sql };
    return { kind, entity, ...(search.trim() ? { search: search.trim() } : {}), includeInactive };
  })();

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (source !== undefined) onPull(source, { kind: target });
  };

  const sourceLabelId = useId();
  return (
    <form className={layout.panel} aria-label="Pull from Halo" onSubmit={submit}>
      {/* Named, so the second row of tabs reads as a choice of source, not more panels. */}
      <Label id={sourceLabelId}>Pull from</Label>
      <TabList
        aria-labelledby={sourceLabelId}
        selectedValue={kind}
        onTabSelect={(_, data) => setKind(data.value as SourceKind)}
        size="small"
      >
        <Tab value="report">Report</Tab>
        <Tab value="sql">SQL</Tab>
        <Tab value="entity">Entity</Tab>
      </TabList>
      {kind === "report" ? (
        <Field
          label="Saved report"
          hint={
            loading
              ? "Loading the instance's saved reports…"
              : `${reports.length} saved reports; type to search by name or id.`
          }
          validationMessage={reportsError}
        >
          <Combobox
            freeform
            placeholder="Search saved reports"
            value={reportText}
            selectedOptions={report ? [String(report.id)] : []}
            onChange={(event) => {
              setReportText(event.target.value);
              setReport(undefined);
            }}
            onOptionSelect={(_, data) => {
              const chosen = reports.find((r) => String(r.id) === data.optionValue);
              setReport(chosen);
              setReportText(chosen?.name ?? "");
            }}
          >
            {matching.map((r) => (
              <Option key={r.id} value={String(r.id)} text={r.name}>
                {`${r.name} (id ${r.id})`}
              </Option>
            ))}
          </Combobox>
        </Field>
      ) : null}
      {kind === "sql" ? (
        <Field
          label="SQL query"
          hint="Runs read-only on Halo's database (needs the edit:reporting permission). Halo's message is shown if it fails."
        >
          <Textarea
            value={sql}
            resize="vertical"
            rows={5}
            placeholder="SELECT id, name, item_tax_code FROM Area"
            onChange={(_, data) => setSql(data.value)}
          />
        </Field>
      ) : null}
      {kind === "entity" ? (
        <>
          <Field label="Entity">
            <Dropdown
              value={entityLabel(entity)}
              selectedOptions={[entity]}
              onOptionSelect={(_, data) => data.optionValue && setEntity(data.optionValue)}
            >
              {entityOptions()}
            </Dropdown>
          </Field>
          <Field
            label="Search"
            hint="Halo's own search on the list (names, references); empty reads them all."
          >
            <Input value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          <Checkbox
            label="Include inactive records"
            checked={includeInactive}
            onChange={(_, data) => setIncludeInactive(data.checked === true)}
          />
        </>
      ) : null}
      <Field label="Put the rows">
        <RadioGroup value={target} onChange={(_, data) => setTarget(data.value as PullTarget["kind"])}>
          <Radio value="newSheet" label="On a new sheet named after the source" />
          <Radio
            value="selection"
            label={`At the selected cell${activeCell === undefined ? "" : `, ${activeCell}`} (the area must be empty)`}
          />
        </RadioGroup>
      </Field>
      <div className={layout.actions}>
        <Button appearance="primary" type="submit" disabled={disabled || source === undefined}>
          Pull
        </Button>
      </div>
    </form>
  );
}
