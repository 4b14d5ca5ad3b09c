/* Excel's name box and formula bar: the name box shows and goes to an address; the formula bar shows
   and edits the active cell's input. */
import { Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
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
  /** Re-rendered by the page on every workbook change; reads the active cell then. */
  workbook: Workbook;
  /** Gives the keyboard back to the grid after Enter. */
  onDone(): void;
  /** Called with what the workbook refused (undefined when it took the entry). */
  onEntry(problem: EntryProblem | undefined): void;
}

/** Text the user is typing, tied to what it was typed for; it shows only while that still holds. */
interface Draft {
  forKey: string;
  text: string;
}

export function FormulaBar({ workbook, onDone, onEntry }: FormulaBarProps): JSX.Element {
  const styles = useStyles();
  const { sheetId, activeRow, activeCol, rect } = workbook.getSelection();
  const input = workbook.getCell(sheetId, activeRow, activeCol).input;
  const shownAddress =
    rect.rowCount === 1 && rect.colCount === 1 ? cellName(activeRow, activeCol) : rectAddress(rect);
  const activeKey = `${sheetId}!${activeRow},${activeCol}`;

  // Drafts survive workbook changes (a function result landing elsewhere) but not a move to another cell.
  const [nameDraft, setNameDraft] = useState<Draft>();
  const [formulaDraft, setFormulaDraft] = useState<Draft>();
  const name = nameDraft?.forKey === shownAddress ? nameDraft.text : shownAddress;
  const formula = formulaDraft?.forKey === activeKey ? formulaDraft.text : input;

  const goTo = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setNameDraft(undefined);
    if (event.key !== "Enter") return;
    setNameDraft(undefined);
    const parsed = parseAddress(name);
    const target = parsed?.sheetName ? workbook.getSheet(parsed.sheetName) : workbook.getActiveSheet();
    if (!parsed || !target) return;
    workbook.setSelection(target.id, parsed.rect);
    onDone();
  };

  const commit = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") setFormulaDraft(undefined);
    if (event.key !== "Enter") return;
    const problem = enterCellText(workbook, sheetId, activeRow, activeCol, formula);
    onEntry(problem);
    if (problem) return; // keep the text here to be fixed, as Excel keeps editing
    setFormulaDraft(undefined);
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
        onChange={(_, data) => setNameDraft({ forKey: shownAddress, text: data.value })}
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
        onChange={(_, data) => setFormulaDraft({ forKey: activeKey, text: data.value })}
        onKeyDown={commit}
        size="small"
      />
    </div>
  );
}
