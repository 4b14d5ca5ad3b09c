import { Caption1, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { entityFieldNames, type ColumnMatch } from "../../bulk";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

const NOT_SENT = "";

const HOW: Record<ColumnMatch["how"], string> = {
  exact: "",
  label: "matched by name",
  customField: "custom field",
  closest: "closest name: check it",
  displayName: "a display name: not sent",
  none: "no Halo field: not sent",
  user: "your choice",
};

/** Each selected column's target field, changeable; saved with the sheet when the push goes. */
export function MappingTable({
  entity,
  matches,
  onChange,
}: {
  entity: string;
  matches: ColumnMatch[];
  onChange(header: string, target: string): void;
}): JSX.Element {
  const styles = useStyles();
  const fields = useMemo(() => entityFieldNames(entity), [entity]);
  return (
    <section className={styles.root} aria-label="Column mapping">
      {matches.map((match) => {
        const options =
          fields.includes(match.target) || match.target === "" ? fields : [match.target, ...fields];
        return (
          <div key={match.header} className={styles.row}>
            <Field label={match.header} hint={HOW[match.how]} size="small">
              <Select
                size="small"
                value={match.target}
                onChange={(_, data) => onChange(match.header, data.value)}
                aria-label={`Target field for ${match.header}`}
              >
                <option value={NOT_SENT}>(not sent)</option>
                {options.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        );
      })}
      <Caption1>The mapping is saved with the sheet and used again on the next push.</Caption1>
    </section>
  );
}
