/* The spreadsheet grid: Glide Data Grid (MIT, canvas, virtualised) over one sheet of the workbook.
   Editing, selection, Ctrl+Arrow, Ctrl+D, fill handle, and clipboard copy/cut/paste as TSV. */
import {
  DataEditor,
  type DataEditorRef,
  type EditableGridCell,
  type FillPatternEventArgs,
  type GridCell,
  type GridColumn,
  type GridKeyEventArgs,
  type GridSelection,
  type Item,
} from "@glideapps/glide-data-grid";
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from "react";
import { columnLetters, isWholeColumns, isWholeRows } from "../../model/address";
import type { Rect, Selection } from "../../model/types";
import type { Workbook } from "../../model/workbook";
import { attemptChange, enterCellText, type EntryProblem } from "../cellEntry";
import { formatTsv, parseTsv } from "../tsv";
import { dataEdge, type CellPosition, type Direction } from "./dataEdge";
import { sameSelection, toGridSelection, toModelSelection } from "./selection";
import { spreadsheetCell, spreadsheetCellRenderer, type SpreadsheetCell } from "./spreadsheetCell";
import { gridTheme } from "./theme";

const MIN_ROWS = 1000;
const MIN_COLUMNS = 26;
const SPARE_ROWS = 200;
const DEFAULT_WIDTH = 100;
const RENDERERS = [spreadsheetCellRenderer];

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
}

/** The part of a selection that holds cells in the grid (whole columns stop at the grid's last row). */
function clip(rect: Rect, rows: number, columns: number): Rect {
  return {
    row: rect.row,
    col: rect.col,
    rowCount: Math.max(0, Math.min(rect.rowCount, rows - rect.row)),
    colCount: Math.max(0, Math.min(rect.colCount, columns - rect.col)),
  };
}

function gridHasFocus(container: HTMLElement | null): boolean {
  const active = document.activeElement;
  // The cell editor is an <input>: while it is open, the clipboard belongs to it.
  return !!container && !!active && container.contains(active) && active.tagName !== "INPUT";
}

export function Grid({ handle, onEntry, workbook, sheetId, version }: GridProps): JSX.Element {
  const editor = useRef<DataEditorRef>(null);
  const container = useRef<HTMLDivElement>(null);
  const [widths, setWidths] = useState<Record<number, number>>({});

  const used = useMemo(() => {
    void version;
    return { rows: workbook.rowCount(sheetId), columns: workbook.colCount(sheetId) };
  }, [workbook, sheetId, version]);
  const rows = Math.max(MIN_ROWS, used.rows + SPARE_ROWS);
  const columnCount = Math.max(MIN_COLUMNS, used.columns + 2);

  const columns = useMemo<GridColumn[]>(
    () =>
      Array.from({ length: columnCount }, (_, i) => ({
        id: String(i),
        title: columnLetters(i),
        width: widths[i] ?? DEFAULT_WIDTH,
      })),
    [columnCount, widths],
  );

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

  // Keys and clipboard act on the workbook's live state (selection, used size), never on what the
  // last render saw: a Ctrl+D right after a fill must see the rows that fill added.
  const liveSelection = useCallback((): Selection | undefined => {
    const selection = workbook.getSelection();
    return selection.sheetId === sheetId ? selection : undefined;
  }, [workbook, sheetId]);

  /** The cells a selection holds: whole columns stop at the last used row, whole rows at the last used column. */
  const cellsOf = useCallback(
    (rect: Rect): Rect =>
      clip(
        rect,
        isWholeColumns(rect) ? workbook.rowCount(sheetId) : rect.row + rect.rowCount,
        isWholeRows(rect) ? workbook.colCount(sheetId) : rect.col + rect.colCount,
      ),
    [workbook, sheetId],
  );

  const fillDown = useCallback(() => {
    const selection = liveSelection();
    if (selection)
      onEntry(attemptChange("Fill down", () => workbook.fillDown(sheetId, cellsOf(selection.rect))));
  }, [workbook, sheetId, liveSelection, cellsOf, onEntry]);

  useEffect(() => {
    handle.current = { focus: () => editor.current?.focus(), fillDown };
  }, [handle, fillDown]);

  const moveToEdge = useCallback(
    (direction: Direction, extend: boolean) => {
      const selection = liveSelection();
      if (!selection) return;
      const isFilled = (p: CellPosition) => workbook.getValue(sheetId, p.row, p.col) !== null;
      const usedRows = workbook.rowCount(sheetId);
      const usedColumns = workbook.colCount(sheetId);
      const extent = {
        rows: Math.max(rows, usedRows),
        columns: Math.max(columnCount, usedColumns),
        usedRows,
        usedColumns,
      };
      const anchor = { row: selection.activeRow, col: selection.activeCol };
      if (!extend) {
        const target = dataEdge(isFilled, anchor, direction, extent);
        select({
          sheetId,
          rect: { ...target, rowCount: 1, colCount: 1 },
          activeRow: target.row,
          activeCol: target.col,
        });
        return;
      }
      // Extending moves the block's far edge along the arrow; the active cell stays, as in Excel.
      const rect = cellsOf(selection.rect);
      const lastRow = rect.row + rect.rowCount - 1;
      const lastCol = rect.col + rect.colCount - 1;
      const far = {
        row: direction[0] === 0 ? anchor.row : anchor.row === rect.row ? lastRow : rect.row,
        col: direction[1] === 0 ? anchor.col : anchor.col === rect.col ? lastCol : rect.col,
      };
      const target = dataEdge(isFilled, far, direction, extent);
      const [top, bottom] =
        direction[0] === 0
          ? [rect.row, lastRow]
          : [Math.min(anchor.row, target.row), Math.max(anchor.row, target.row)];
      const [left, right] =
        direction[1] === 0
          ? [rect.col, lastCol]
          : [Math.min(anchor.col, target.col), Math.max(anchor.col, target.col)];
      select({
        sheetId,
        rect: { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 },
        activeRow: anchor.row,
        activeCol: anchor.col,
      });
    },
    [workbook, sheetId, rows, columnCount, liveSelection, cellsOf, select],
  );

  /** Ctrl+End goes to the last used cell; Ctrl+Shift+End selects from the active cell to it. */
  const moveToEnd = useCallback(
    (extend: boolean) => {
      const end = {
        row: Math.max(0, workbook.rowCount(sheetId) - 1),
        col: Math.max(0, workbook.colCount(sheetId) - 1),
      };
      const selection = liveSelection();
      const from = extend && selection ? { row: selection.activeRow, col: selection.activeCol } : end;
      const top = Math.min(from.row, end.row);
      const left = Math.min(from.col, end.col);
      select({
        sheetId,
        rect: {
          row: top,
          col: left,
          rowCount: Math.abs(end.row - from.row) + 1,
          colCount: Math.abs(end.col - from.col) + 1,
        },
        activeRow: from.row,
        activeCol: from.col,
      });
    },
    [workbook, sheetId, liveSelection, select],
  );

  /** Enter moves down (Shift+Enter up), as in Excel; F2 edits the cell. */
  const moveAfterEnter = useCallback(
    (up: boolean) => {
      const selection = liveSelection();
      if (!selection) return;
      const row = Math.max(0, selection.activeRow + (up ? -1 : 1));
      select({
        sheetId,
        rect: { row, col: selection.activeCol, rowCount: 1, colCount: 1 },
        activeRow: row,
        activeCol: selection.activeCol,
      });
    },
    [sheetId, liveSelection, select],
  );

  const onKeyDown = useCallback(
    (event: GridKeyEventArgs) => {
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const primary = event.ctrlKey || event.metaKey;
      if (key === "Enter" && !primary && !event.altKey) moveAfterEnter(event.shiftKey);
      else if (!primary) return;
      else if (key === "d") fillDown();
      else if (ARROWS[key]) moveToEdge(ARROWS[key], event.shiftKey);
      else if (key === "End") moveToEnd(event.shiftKey);
      else return;
      event.cancel();
      event.preventDefault();
    },
    [fillDown, moveToEdge, moveToEnd, moveAfterEnter],
  );

  const onFillPattern = useCallback(
    ({ patternSource, fillDestination, preventDefault }: FillPatternEventArgs) => {
      preventDefault();
      // The fill handle fills down only (what Excel's Ctrl+D does); other directions are not offered.
      const downward = fillDestination.x === patternSource.x && fillDestination.width === patternSource.width;
      if (!downward || fillDestination.y !== patternSource.y || patternSource.height !== 1) return;
      const rect = {
        row: fillDestination.y,
        col: fillDestination.x,
        rowCount: fillDestination.height,
        colCount: fillDestination.width,
      };
      onEntry(attemptChange("Fill down", () => workbook.fillDown(sheetId, rect)));
    },
    [workbook, sheetId, onEntry],
  );

  const onDelete = useCallback(
    (selection: GridSelection) => {
      const model = toModelSelection(sheetId, selection);
      if (model) workbook.clear(sheetId, cellsOf(model.rect), "Contents", "user");
      return false;
    },
    [workbook, sheetId, cellsOf],
  );

  // Clipboard: Excel's tab-separated text, through the browser's copy/cut/paste events, so blocks
  // move to and from other applications.
  useEffect(() => {
    const copy = (event: ClipboardEvent, cut: boolean) => {
      const selection = liveSelection();
      if (!selection || !event.clipboardData || !gridHasFocus(container.current)) return;
      const cells = cellsOf(selection.rect);
      event.clipboardData.setData("text/plain", formatTsv(workbook.getTexts(sheetId, cells)));
      event.preventDefault();
      if (cut) workbook.clear(sheetId, cells, "Contents", "user");
    };
    const onCopy = (event: ClipboardEvent) => copy(event, false);
    const onCut = (event: ClipboardEvent) => copy(event, true);
    const onPaste = (event: ClipboardEvent) => {
      const selection = liveSelection();
      const text = event.clipboardData?.getData("text/plain");
      if (!selection || !text || !gridHasFocus(container.current)) return;
      event.preventDefault();
      const block = parseTsv(text);
      const width = Math.max(...block.map((line) => line.length));
      const at = { row: selection.rect.row, col: selection.rect.col };
      const problem = attemptChange("Paste", () => workbook.setInputs(sheetId, at.row, at.col, block));
      onEntry(problem);
      if (problem) return;
      // Excel selects what was pasted.
      select({
        sheetId,
        rect: { ...at, rowCount: block.length, colCount: width },
        activeRow: at.row,
        activeCol: at.col,
      });
    };
    window.addEventListener("copy", onCopy);
    window.addEventListener("cut", onCut);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("copy", onCopy);
      window.removeEventListener("cut", onCut);
      window.removeEventListener("paste", onPaste);
    };
  }, [workbook, sheetId, liveSelection, cellsOf, select, onEntry]);

  return (
    <div ref={container} style={{ flex: 1, minHeight: 0, position: "relative" }} data-testid="grid">
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
        onColumnResize={(column, width) => setWidths((all) => ({ ...all, [Number(column.id)]: width }))}
        rowHeight={24}
        headerHeight={26}
        smoothScrollX
        smoothScrollY
        theme={gridTheme}
      />
    </div>
  );
}
