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
  mergeClasses,
  tokens,
  type TableColumnDefinition,
  type TableColumnId,
} from "@fluentui/react-components";
import { useMemo, type CSSProperties } from "react";
import type { FixedSizeListProps } from "react-window";
import type { Plan } from "../../bulk";
import { changeLines, type ChangeLine } from "./changeLines";
import { useVirtualRowFocus } from "./useVirtualRowFocus";

const useStyles = makeStyles({
  root: { border: `1px solid ${tokens.colorNeutralStroke2}` },
  // Rows have one height (the grid is virtualised): a long value is cut with an ellipsis, whole on hover.
  value: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", minWidth: 0 },
  // Fluent sizes a grid row to fit its content; here every row takes the list's width, as the header does.
  row: { minWidth: 0 },
  cell: { minWidth: 0, overflow: "hidden" },
  // Row numbers and ids are short: the room goes to the field and its values.
  narrow: { flexGrow: 0, flexShrink: 0, flexBasis: "52px" },
  old: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  new: { fontWeight: tokens.fontWeightSemibold },
});

const NARROW_COLUMNS = new Set(["row", "id"]);
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
        renderCell: (l) => (
          <span className={styles.value} title={l.field}>
            {l.field}
          </span>
        ),
      }),
      createTableColumn<ChangeLine>({
        columnId: "old",
        renderHeaderCell: () => "Old",
        renderCell: (l) => (
          <span className={mergeClasses(styles.value, styles.old)} title={l.old}>
            {l.old}
          </span>
        ),
      }),
      createTableColumn<ChangeLine>({
        columnId: "new",
        renderHeaderCell: () => "New",
        renderCell: (l) => (
          <span className={mergeClasses(styles.value, styles.new)} title={l.new}>
            {l.new}
          </span>
        ),
      }),
    ],
    [styles],
  );
  const cellClass = (columnId: TableColumnId): string =>
    mergeClasses(styles.cell, NARROW_COLUMNS.has(String(columnId)) && styles.narrow);
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
            {({ renderHeaderCell, columnId }) => (
              <DataGridHeaderCell className={cellClass(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<ChangeLine>
          itemSize={ROW_HEIGHT}
          height={Math.min(VISIBLE_ROWS, Math.max(lines.length, 1)) * ROW_HEIGHT}
          listProps={listProps}
        >
          {({ item, rowId }, style, index) => (
            <DataGridRow<ChangeLine>
              key={rowId}
              className={styles.row}
              style={style as CSSProperties}
              {...focus.rowProps(index)}
            >
              {({ renderCell, columnId }) => (
                <DataGridCell className={cellClass(columnId)}>{renderCell(item)}</DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </div>
  );
}
