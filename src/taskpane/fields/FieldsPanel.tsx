/**
 * The Fields tab: an entity's API field names, types and notes, searchable, so nobody opens DevTools on a
 * Halo page to learn that the tax code is `item_tax_code`; chosen fields go into the sheet as headers.
 */
import {
  Body1,
  Button,
  Checkbox,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { entityLabel } from "../../halo";
import { entityOptions } from "../entityOptions";
import { fieldRows, headersToInsert, matchesSearch } from "./fieldList";
import type { FieldsServices } from "./fieldsServices";
import { useLayoutStyles } from "../layoutStyles";

const useStyles = makeStyles({
  list: { maxHeight: "360px", overflowY: "auto" },
  name: { fontFamily: tokens.fontFamilyMonospace },
});

type Outcome = { intent: "success" | "error"; text: string } | undefined;

export function FieldsPanel({ services }: { services: FieldsServices }): JSX.Element {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [entity, setEntity] = useState("Client");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const rows = useMemo(() => fieldRows(entity), [entity]);
  const shown = rows.filter((row) => matchesSearch(row, search));

  const toggle = (name: string, on: boolean): void =>
    setChosen((current) => (on ? [...current, name] : current.filter((n) => n !== name)));

  const insert = (): void => {
    const names = headersToInsert(entity, chosen);
    services.insertHeaders(names).then(
      (address) => setOutcome({ intent: "success", text: `Inserted ${names.join(", ")} at ${address}.` }),
      (error: unknown) =>
        setOutcome({ intent: "error", text: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <section className={layout.panel} aria-label="Fields">
      <Subtitle1 as="h2">Field names</Subtitle1>
      <Body1 className={layout.muted}>
        Halo&apos;s API names for an entity&apos;s fields, to use as column headers. Tick the ones you need
        and insert them at the selected cell; <code>id</code> always comes first.
      </Body1>
      <Field label="Entity">
        <Dropdown
          value={entityLabel(entity)}
          selectedOptions={[entity]}
          onOptionSelect={(_, data) => {
            if (!data.optionValue) return;
            setEntity(data.optionValue);
            setChosen([]);
          }}
        >
          {entityOptions()}
        </Dropdown>
      </Field>
      <Field label="Search fields" hint={`${shown.length} of ${rows.length} fields`}>
        <SearchBox value={search} placeholder="e.g. tax" onChange={(_, data) => setSearch(data.value)} />
      </Field>
      <div className={styles.list}>
        <Table size="small" aria-label={`${entityLabel(entity)} fields`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell />
              <TableHeaderCell>Field</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Notes</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.name}>
                <TableCell>
                  <Checkbox
                    aria-label={`Choose ${row.name}`}
                    checked={chosen.includes(row.name)}
                    onChange={(_, data) => toggle(row.name, data.checked === true)}
                  />
                </TableCell>
                <TableCell className={styles.name}>{row.name}</TableCell>
                <TableCell>{row.type}</TableCell>
                <TableCell>{row.description}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <div className={layout.actions}>
        <Button appearance="primary" disabled={chosen.length === 0} onClick={insert}>
          Insert as headers
        </Button>
        <Body1 className={layout.muted}>
          {chosen.length === 0 ? "Tick fields first." : `${chosen.length} chosen`}
        </Body1>
      </div>
      {outcome ? (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
