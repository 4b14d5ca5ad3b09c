/**
 * The changes field by field, old -> new, as the push will send them: a Fluent DataGrid virtualised
 * with react-window (Fluent's own contrib package), so 10,000 rows' changes render only the lines in
 * view; the keyboard reaches every line (useVirtualRowFocus).
 */
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from "@fluentui-contrib/react-data-grid-react-window";
import {
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { useMemo, type CSSProperties } from "react";
import type { FixedSizeListProps } from "react-window";
import type { Plan } from "../../bulk";
import { changeLines, type ChangeLine } from "./changeLines";
import { useVirtualRowFocus } from "./useVirtualRowFocus";

const useStyles = makeStyles({
  root: { border: `1px solid ${tokens.colorNeutralStroke2}` },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  new: { fontWeight: tokens.fontWeightSemibold },
});

const ROW_HEIGHT = 32;
const VISIBLE_ROWS = 10;

export function ChangesGrid({ plan }: { plan: Plan }): JSX.Element {
  const styles = useStyles();
  const lines = useMemo(() => changeLines(plan), [plan]);
  const focus = useVirtualRowFocus(lines.length, VISIBLE_ROWS - 1);
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
  // react-window's list instance, for scrolling to a row (its props type has no ref).
  const listProps = { ref: focus.listRef } as Partial<FixedSizeListProps>;
  return (
    <div className={styles.root}>
      <DataGrid
        items={lines}
        columns={columns}
        getRowId={(l: ChangeLine) => l.key}
        size="small"
        focusMode="none"
        aria-label="Changes"
        onKeyDown={focus.onKeyDown}
      >
        <DataGridHeader>
          <DataGridRow>
            {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<ChangeLine>
          itemSize={ROW_HEIGHT}
          height={Math.min(VISIBLE_ROWS, Math.max(lines.length, 1)) * ROW_HEIGHT}
          listProps={listProps}
        >
          {({ item, rowId }, style, index) => (
            <DataGridRow<ChangeLine> key={rowId} style={style as CSSProperties} {...focus.rowProps(index)}>
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
