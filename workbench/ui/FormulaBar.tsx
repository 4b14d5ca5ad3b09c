/* Excel's name box and formula bar: the name box shows and goes to an address; the formula bar shows
   and edits the active cell's input. */
import { Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type KeyboardEvent } from "react";
import { cellName, parseAddress, rectAddress } from "../model/address";
import type { Workbook } from "../model/workbook";
import { enterCellText, type EntryProblem } from "./cellEntry";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  nameBox: { width: "140px" },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", fontFamily: tokens.fontFamilyMonospace },
  formula: { flex: 1 },
});

export interface FormulaBarProps {
  workbook: Workbook;
  version: number;
  /** Gives the keyboard back to the grid after Enter. */
  onDone(): void;
  /** Called with what the workbook refused (undefined when it took the entry). */
  onEntry(problem: EntryProblem | undefined): void;
}

export function FormulaBar({ workbook, version, onDone, onEntry }: FormulaBarProps): JSX.Element {
  const styles = useStyles();
  const selection = workbook.getSelection();
  const { sheetId, activeRow, activeCol, rect } = selection;
  const input = workbook.getCell(sheetId, activeRow, activeCol).input;
  const shownAddress =
    rect.rowCount === 1 && rect.colCount === 1 ? cellName(activeRow, activeCol) : rectAddress(rect);

  const [name, setName] = useState(shownAddress);
  const [formula, setFormula] = useState(input);
  useEffect(() => setName(shownAddress), [shownAddress, version]);
  useEffect(() => setFormula(input), [input, sheetId, activeRow, activeCol, version]);

  const goTo = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setName(shownAddress);
    if (event.key !== "Enter") return;
    const parsed = parseAddress(name);
    const target = parsed?.sheetName ? workbook.getSheet(parsed.sheetName) : workbook.getActiveSheet();
    if (!parsed || !target) {
      setName(shownAddress);
      return;
    }
    workbook.setSelection(target.id, parsed.rect);
    onDone();
  };

  const commit = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setFormula(input);
    if (event.key !== "Enter") return;
    const problem = enterCellText(workbook, sheetId, activeRow, activeCol, formula);
    onEntry(problem);
    if (problem) return; // keep the text here to be fixed, as Excel keeps editing
    // Enter moves down, as in Excel.
    workbook.setSelection(sheetId, { row: activeRow + 1, col: activeCol, rowCount: 1, colCount: 1 });
    onDone();
  };

  return (
    <div className={styles.bar}>
      <Input
        className={styles.nameBox}
        aria-label="Name box"
        data-testid="name-box"
        value={name}
        onChange={(_, data) => setName(data.value)}
        onKeyDown={goTo}
        onFocus={(event) => event.target.select()}
        size="small"
      />
      <span className={styles.fx} aria-hidden>
        fx
      </span>
      <Input
        className={styles.formula}
        aria-label="Formula bar"
        data-testid="formula-bar"
        value={formula}
        onChange={(_, data) => setFormula(data.value)}
        onKeyDown={commit}
        size="small"
      />
    </div>
  );
}
