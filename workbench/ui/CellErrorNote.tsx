/* Excel shows a custom function's error message beside the cell: here, the selected cell's error and
   its message under the formula bar (e.g. #VALUE! from =HALO.PAYLOAD naming the unknown field). */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { CellError } from "../model/types";
import type { Workbook } from "../model/workbook";

const useStyles = makeStyles({
  note: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorPaletteRedForeground1,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
});

/** The message of an error value, when it has one. */
export function errorMessageOf(value: unknown): string | undefined {
  return value instanceof CellError && value.message ? `${value.code} ${value.message}` : undefined;
}

export function CellErrorNote({ workbook }: { workbook: Workbook }): JSX.Element | null {
  const styles = useStyles();
  const { sheetId, activeRow, activeCol } = workbook.getSelection();
  const message = errorMessageOf(workbook.getValue(sheetId, activeRow, activeCol));
  if (!message) return null;
  return (
    <Caption1 className={styles.note} role="note" data-testid="cell-error">
      {message}
    </Caption1>
  );
}
