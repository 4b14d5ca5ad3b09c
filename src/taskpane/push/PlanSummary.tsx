import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { planCounts, type Plan } from "../../bulk";
import { count, plural } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { fontWeight: tokens.fontWeightSemibold },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "160px", overflowY: "auto" },
});

/** Listed one by one up to this many; the rest are counted. */
const LISTED = 100;

/** Hidden rows named one by one up to this many. */
const HIDDEN_NAMED = 20;

function hiddenNote(rows: readonly number[]): string {
  const named = rows.slice(0, HIDDEN_NAMED).join(", ");
  const more = rows.length > HIDDEN_NAMED ? ` and ${rows.length - HIDDEN_NAMED} more` : "";
  return `Hidden or filtered out, so not read and not sent: ${rows.length === 1 ? "row" : "rows"} ${named}${more}.`;
}

/**
 * N to update, M to create, K unchanged, J skipped (and H hidden rows skipped), and each skipped row
 * with its reason and cell.
 */
export function PlanSummary({
  plan,
  notes,
  hiddenRows = [],
}: {
  plan: Plan;
  notes: string[];
  /** Sheet rows of the selection that were hidden or filtered out. */
  hiddenRows?: readonly number[];
}): JSX.Element {
  const styles = useStyles();
  const counts = planCounts(plan);
  const skipped = plan.rows.filter((r) => r.action === "skip");
  return (
    <section className={styles.root} aria-label="Summary">
      <Body1 className={styles.counts} role="status">
        {plural(counts.update, "row")} to update, {count(counts.create)} to create, {count(counts.unchanged)}{" "}
        unchanged, {count(counts.skip)} skipped
        {hiddenRows.length > 0 ? `, ${plural(hiddenRows.length, "hidden row")} skipped` : ""}
      </Body1>
      {hiddenRows.length > 0 ? <Caption1>{hiddenNote(hiddenRows)}</Caption1> : null}
      {plan.flags.notes.concat(notes).map((note) => (
        <Caption1 key={note}>{note}</Caption1>
      ))}
      {skipped.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {plural(skipped.length, "row")} will not be sent:
            <ul className={styles.skipped} aria-label="Skipped rows">
              {skipped.slice(0, LISTED).map((row) => (
                <li key={row.key}>{row.reason}</li>
              ))}
              {skipped.length > LISTED ? <li>… and {skipped.length - LISTED} more</li> : null}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
