/* A Glide cell that shows a value but edits its input: a formula cell shows its result and opens
   with its formula, as in Excel. */
import {
  GridCellKind,
  drawTextCell,
  type CustomCell,
  type CustomRenderer,
  type ProvideEditorComponent,
} from "@glideapps/glide-data-grid";
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { CellError, type CellView, type Scalar } from "../../model/types";

interface SpreadsheetCellData {
  readonly kind: "spreadsheet-cell";
  readonly input: string;
  readonly display: string;
}

export type SpreadsheetCell = CustomCell<SpreadsheetCellData>;

/** Excel's default alignment: numbers right, booleans and errors centred, text left. */
function alignment(value: Scalar): "left" | "right" | "center" {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean" || value instanceof CellError) return "center";
  return "left";
}

export function spreadsheetCell(view: CellView): SpreadsheetCell {
  return {
    kind: GridCellKind.Custom,
    data: { kind: "spreadsheet-cell", input: view.input, display: view.text },
    copyData: view.text,
    allowOverlay: true,
    contentAlign: alignment(view.value),
  };
}

function isSpreadsheetCell(cell: CustomCell): cell is SpreadsheetCell {
  return (cell.data as Partial<SpreadsheetCellData> | undefined)?.kind === "spreadsheet-cell";
}

const CellEditor: ProvideEditorComponent<SpreadsheetCell> = ({
  value,
  initialValue,
  onChange,
  onFinishedEditing,
}) => {
  const [text, setText] = useState(initialValue ?? value.data.input);
  const withText = (input: string): SpreadsheetCell => ({ ...value, data: { ...value.data, input } });
  const input = useRef<HTMLInputElement>(null);
  // Focus while committing the render, so the next typed key already lands in the editor.
  useLayoutEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  const edit = (next: string) => {
    setText(next);
    onChange(withText(next)); // a click elsewhere commits what was typed
  };
  const finish = (movement: readonly [-1 | 0 | 1, -1 | 0 | 1]) => onFinishedEditing(withText(text), movement);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") finish([0, event.shiftKey ? -1 : 1]);
    else if (event.key === "Tab") finish([event.shiftKey ? -1 : 1, 0]);
    else if (event.key === "Escape") onFinishedEditing(undefined, [0, 0]);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <input
      ref={input}
      autoFocus
      aria-label="Cell editor"
      data-testid="cell-editor"
      value={text}
      onChange={(event) => edit(event.target.value)}
      onKeyDown={onKeyDown}
      style={{ font: "inherit", border: "none", outline: "none", minWidth: 180, width: "100%" }}
    />
  );
};

export const spreadsheetCellRenderer: CustomRenderer<SpreadsheetCell> = {
  kind: GridCellKind.Custom,
  isMatch: isSpreadsheetCell,
  draw: (args, cell) => {
    drawTextCell(args, cell.data.display, cell.contentAlign);
    return true;
  },
  provideEditor: () => ({ editor: CellEditor, disablePadding: false }),
  onPaste: (text, data) => ({ ...data, input: text }),
};
