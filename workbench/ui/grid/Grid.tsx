/* The spreadsheet grid: Glide Data Grid (MIT, canvas, virtualised) over one sheet of the workbook.
   Glide draws, edits and selects; sheetActions.ts does what keys, commands and the clipboard mean. */
import {
  DataEditor,
  type DataEditorRef,
  type EditableGridCell,
  type FillPatternEventArgs,
  type GridCell,
  type GridColumn,
  type GridKeyEventArgs,
  type GridMouseEventArgs,
  type GridSelection,
  type Item,
} from "@glideapps/glide-data-grid";
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from "react";
import { columnLetters, isWholeColumns, isWholeRows } from "../../model/address";
import { MAX_COLS, MAX_ROWS, type Selection } from "../../model/types";
import type { Workbook } from "../../model/workbook";
import { enterCellText, type EntryProblem } from "../cellEntry";
import { errorMessageOf } from "../CellErrorNote";
import type { Direction } from "./dataEdge";
import { SheetActions } from "./sheetActions";
import { sameSelection, toGridSelection, toModelSelection } from "./selection";
import { spreadsheetCell, spreadsheetCellRenderer, type SpreadsheetCell } from "./spreadsheetCell";
import { gridTheme } from "./theme";
import { useClipboard } from "./useClipboard";

const MIN_ROWS = 1000;
const MIN_COLUMNS = 26;
const SPARE_ROWS = 200;
const DEFAULT_WIDTH = 100;
const ROW_HEIGHT = 24;
const RENDERERS = [spreadsheetCellRenderer];
const TOOLTIP_STYLE = {
  position: "absolute",
  zIndex: 10,
  maxWidth: "360px",
  padding: "4px 8px",
  background: "#fff",
  border: "1px solid #c50f1f",
  color: "#c50f1f",
  font: "12px Segoe UI, sans-serif",
  pointerEvents: "none",
} as const;

const ARROWS: Record<string, Direction> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Lets the name box and formula bar hand the keyboard back to the grid, as Excel does. */
export interface GridHandle {
  focus(): void;
  /** The Fill down command (Ctrl+D) on the current selection. */
  fillDown(): void;
}

export interface GridProps {
  handle: MutableRefObject<GridHandle | undefined>;
  /** Called with what the workbook refused (typing, paste, fill), or undefined when it took it. */
  onEntry(problem: EntryProblem | undefined): void;
  workbook: Workbook;
  sheetId: string;
  /** Bumps when the workbook changed, so the grid redraws. */
  version: number;
  /** Column widths the user dragged on this sheet (kept by the page, so they outlive a tab switch). */
  widths: Readonly<Record<number, number>>;
  onColumnWidth(column: number, width: number): void;
}

export function Grid({
  handle,
  onEntry,
  workbook,
  sheetId,
  version,
  widths,
  onColumnWidth,
}: GridProps): JSX.Element {
  const editor = useRef<DataEditorRef>(null);
  const container = useRef<HTMLDivElement>(null);

  const used = useMemo(() => {
    void version;
    return { rows: workbook.rowCount(sheetId), columns: workbook.colCount(sheetId) };
  }, [workbook, sheetId, version]);

  // Selection: the workbook owns it (the Excel API reads and sets it); the grid mirrors it at once,
  // so keys pressed right after the name box or the API moved it act on the new cell. Glide scrolls
  // a new selection's cell into view itself.
  const [gridSelection, setGridSelection] = useState<GridSelection>(() =>
    toGridSelection(workbook.getSelection()),
  );
  useEffect(
    () =>
      workbook.subscribe((event) => {
        if (event.type !== "selectionChanged" || event.selection.sheetId !== sheetId) return;
        const { selection } = event;
        setGridSelection((shown) =>
          sameSelection(selection, toModelSelection(sheetId, shown)) ? shown : toGridSelection(selection),
        );
      }),
    [workbook, sheetId],
  );

  // The grid reaches past the used cells and past the selection (the name box can go to any cell).
  const reach = useMemo(() => {
    const shown = toModelSelection(sheetId, gridSelection);
    const { rect } = shown ?? { rect: { row: 0, col: 0, rowCount: 1, colCount: 1 } };
    return {
      rows: isWholeColumns(rect) ? 0 : rect.row + rect.rowCount,
      columns: isWholeRows(rect) ? 0 : rect.col + rect.colCount,
    };
  }, [sheetId, gridSelection]);
  const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used.rows + SPARE_ROWS, reach.rows + SPARE_ROWS));
  const columnCount = Math.min(MAX_COLS, Math.max(MIN_COLUMNS, used.columns + 2, reach.columns + 2));

  // Hidden rows (by hand or by a filter) are drawn 0 high; a constant height keeps 100,000 rows fast.
  const rowHeight = useMemo(() => {
    void version;
    const hidden = new Set(workbook.rowVisibility.hiddenRows(sheetId));
    return hidden.size === 0 ? ROW_HEIGHT : (row: number) => (hidden.has(row) ? 0 : ROW_HEIGHT);
  }, [workbook, sheetId, version]);

  const columns = useMemo<GridColumn[]>(
    () =>
      Array.from({ length: columnCount }, (_, i) => ({
        id: String(i),
        title: columnLetters(i),
        width: widths[i] ?? DEFAULT_WIDTH,
      })),
    [columnCount, widths],
  );

  const select = useCallback(
    (selection: Selection) =>
      workbook.setSelection(sheetId, selection.rect, { row: selection.activeRow, col: selection.activeCol }),
    [workbook, sheetId],
  );
  const onGridSelectionChange = useCallback(
    (next: GridSelection) => {
      setGridSelection(next);
      const selection = toModelSelection(sheetId, next);
      if (selection && !sameSelection(selection, workbook.getSelection())) select(selection);
    },
    [workbook, sheetId, select],
  );

  const getCellContent = useCallback(
    ([col, row]: Item): GridCell => {
      void version;
      return spreadsheetCell(workbook.getCell(sheetId, row, col));
    },
    [workbook, sheetId, version],
  );

  const onCellEdited = useCallback(
    ([col, row]: Item, cell: EditableGridCell) => {
      const edited = cell as unknown as SpreadsheetCell;
      onEntry(enterCellText(workbook, sheetId, row, col, edited.data.input));
    },
    [workbook, sheetId, onEntry],
  );

  const actions = useMemo(() => new SheetActions(workbook, sheetId, onEntry), [workbook, sheetId, onEntry]);
  useEffect(() => {
    handle.current = { focus: () => editor.current?.focus(), fillDown: () => actions.fillDown() };
  }, [handle, actions]);
  useClipboard(container, actions);

  const onKeyDown = useCallback(
    (event: GridKeyEventArgs) => {
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const primary = event.ctrlKey || event.metaKey;
      // Enter moves down as in Excel (F2 edits); Ctrl+D fills down; Ctrl+Arrow and Ctrl+End follow the data.
      if (key === "Enter" && !primary && !event.altKey) actions.moveAfterEnter(event.shiftKey);
      else if (!primary) return;
      else if (key === "d") actions.fillDown();
      else if (ARROWS[key]) actions.moveToEdge(ARROWS[key], event.shiftKey, { rows, columns: columnCount });
      else if (key === "End") actions.moveToEnd(event.shiftKey);
      else return;
      event.cancel();
      event.preventDefault();
    },
    [actions, rows, columnCount],
  );

  const onFillPattern = useCallback(
    ({ patternSource, fillDestination, preventDefault }: FillPatternEventArgs) => {
      preventDefault();
      // The fill handle fills down only (what Excel's Ctrl+D does); other directions are not offered.
      const downward = fillDestination.x === patternSource.x && fillDestination.width === patternSource.width;
      if (!downward || fillDestination.y !== patternSource.y || patternSource.height !== 1) return;
      const { x, y, width, height } = fillDestination;
      actions.fillDown({ row: y, col: x, rowCount: height, colCount: width });
    },
    [actions],
  );

  const onDelete = useCallback(
    (selection: GridSelection) => {
      const model = toModelSelection(sheetId, selection);
      if (model) actions.clear(model.rect);
      return false;
    },
    [actions, sheetId],
  );

  // Hovering an error value with a message shows it, as Excel's error tooltip does.
  const [hovered, setHovered] = useState<{ message: string; x: number; y: number }>();
  const onItemHovered = useCallback(
    (args: GridMouseEventArgs) => {
      const box = container.current?.getBoundingClientRect();
      if (args.kind !== "cell" || !box) {
        setHovered(undefined);
        return;
      }
      const [col, row] = args.location;
      const message = col >= 0 && row >= 0 ? errorMessageOf(workbook.getValue(sheetId, row, col)) : undefined;
      const { x, y, height } = args.bounds;
      setHovered(message ? { message, x: x - box.left, y: y - box.top + height } : undefined);
    },
    [workbook, sheetId],
  );

  return (
    <div ref={container} style={{ flex: 1, minHeight: 0, position: "relative" }} data-testid="grid">
      {hovered ? (
        <div
          role="tooltip"
          data-testid="cell-error-tooltip"
          style={{ ...TOOLTIP_STYLE, left: hovered.x, top: hovered.y }}
        >
          {hovered.message}
        </div>
      ) : null}
      <DataEditor
        ref={editor}
        width="100%"
        height="100%"
        columns={columns}
        rows={rows}
        getCellContent={getCellContent}
        customRenderers={RENDERERS}
        onCellEdited={onCellEdited}
        gridSelection={gridSelection}
        onGridSelectionChange={onGridSelectionChange}
        onKeyDown={onKeyDown}
        onDelete={onDelete}
        onFillPattern={onFillPattern}
        fillHandle
        // Glide offers the fill handle only with this; the fill itself is onFillPattern's.
        getCellsForSelection
        rowMarkers={{ kind: "clickable-number", width: 56 }}
        rangeSelect="rect"
        columnSelect="multi"
        rowSelect="multi"
        keybindings={{
          copy: false,
          cut: false,
          paste: false,
          downFill: false,
          search: false,
          activateCell: "F2",
        }}
        onColumnResize={(column, width) => onColumnWidth(Number(column.id), width)}
        onItemHovered={onItemHovered}
        rowHeight={rowHeight}
        headerHeight={26}
        smoothScrollX
        smoothScrollY
        theme={gridTheme}
      />
    </div>
  );
}
