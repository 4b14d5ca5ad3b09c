import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Plan } from "../../bulk";
import { shown } from "./format";

const useStyles = makeStyles({
  root: { maxHeight: "320px", overflowY: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  new: { fontWeight: tokens.fontWeightSemibold },
});

interface ChangeLine {
  key: string;
  rowNumber: number;
  record: string;
  field: string;
  old: string;
  new: string;
}

/** Rendered at once; beyond this the grid says how many more there are (the Status column will have them all). */
const SHOWN_LINES = 500;

export function changeLines(plan: Plan): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const row of plan.rows) {
    if (row.action !== "update" && row.action !== "create") continue;
    for (const change of row.changes)
      lines.push({
        key: `${row.key}:${change.field}`,
        rowNumber: row.rowNumber,
        record: row.action === "create" ? "new" : String(row.id ?? ""),
        field: change.field,
        old: row.action === "create" ? "" : shown(change.old),
        new: shown(change.new),
      });
  }
  return lines;
}

/** The changes field by field, old -> new, as the push will send them. */
export function ChangesGrid({ plan }: { plan: Plan }): JSX.Element {
  const styles = useStyles();
  const lines = useMemo(() => changeLines(plan), [plan]);
  const columns: TableColumnDefinition<ChangeLine>[] = useMemo(
    () => [
      createTableColumn<ChangeLine>({
        columnId: "row",
        renderHeaderCell: () => "Row",
        renderCell: (l) => l.rowNumber,
      }),
      createTableColumn<ChangeLine>({
        columnId: "id",
        renderHeaderCell: () => "id",
        renderCell: (l) => l.record,
      }),
      createTableColumn<ChangeLine>({
        columnId: "field",
        renderHeaderCell: () => "Field",
        renderCell: (l) => l.field,
      }),
      createTableColumn<ChangeLine>({
        columnId: "old",
        renderHeaderCell: () => "Old",
        renderCell: (l) => <span className={styles.old}>{l.old}</span>,
      }),
      createTableColumn<ChangeLine>({
        columnId: "new",
        renderHeaderCell: () => "New",
        renderCell: (l) => <span className={styles.new}>{l.new}</span>,
      }),
    ],
    [styles],
  );
  const shownLines = lines.slice(0, SHOWN_LINES);
  return (
    <div className={styles.root}>
      <DataGrid
        items={shownLines}
        columns={columns}
        getRowId={(l: ChangeLine) => l.key}
        size="small"
        aria-label="Changes"
      >
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<ChangeLine>>
          {({ item, rowId }) => (
            <DataGridRow<ChangeLine> key={rowId}>
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
      {lines.length > SHOWN_LINES ? <p>… and {lines.length - SHOWN_LINES} more changes.</p> : null}
    </div>
  );
}
