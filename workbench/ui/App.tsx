/* The workbench page: a ribbon strip, the formula bar, the grid with its sheet tabs, the add-in's
   task pane at the side, and the status bar. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownRegular, DismissRegular, PanelRightRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { Workbook } from "../model/workbook";
import type { EntryProblem } from "./cellEntry";
import { CellErrorNote } from "./CellErrorNote";
import { FormulaBar } from "./FormulaBar";
import { Grid, type GridHandle } from "./grid/Grid";
import { SheetTabs } from "./SheetTabs";
import { StatusBar } from "./StatusBar";
import { TaskPaneHost } from "./TaskPaneHost";
import { useWorkbookVersion } from "./useWorkbookVersion";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  ribbon: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  commands: { backgroundColor: tokens.colorNeutralBackground1 },
  body: { display: "flex", flex: 1, minHeight: 0 },
  sheet: {
    display: "flex",
    flexDirection: "column",
    flex: 1,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

const NO_WIDTHS: Readonly<Record<number, number>> = {};

export interface AppProps {
  workbook: Workbook;
  sandboxUrl: string | null;
}

export function App({ workbook, sandboxUrl }: AppProps): JSX.Element {
  const styles = useStyles();
  const version = useWorkbookVersion(workbook);
  const [paneOpen, setPaneOpen] = useState(true);
  const [paneLoaded, setPaneLoaded] = useState(false);
  const grid = useRef<GridHandle>();
  const [problem, setProblem] = useState<EntryProblem>();
  const [columnWidths, setColumnWidths] = useState<Record<string, Record<number, number>>>({});
  const sheetId = workbook.getActiveSheet().id;

  return (
    <div className={styles.page} data-testid="workbench" data-taskpane={paneLoaded ? "loaded" : "loading"}>
      <header className={styles.ribbon}>
        <Subtitle2 as="h1">HaloSheet workbench</Subtitle2>
      </header>
      <Toolbar className={styles.commands} size="small" aria-label="Commands">
        <ToolbarButton
          icon={<ArrowDownRegular />}
          onClick={() => grid.current?.fillDown()}
          data-testid="fill-down"
        >
          Fill down
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton
          icon={<PanelRightRegular />}
          aria-pressed={paneOpen}
          onClick={() => setPaneOpen((open) => !open)}
          data-testid="toggle-taskpane"
        >
          HaloSheet task pane
        </ToolbarButton>
      </Toolbar>
      <FormulaBar workbook={workbook} onDone={() => grid.current?.focus()} onEntry={setProblem} />
      <CellErrorNote workbook={workbook} />
      {problem && (
        <MessageBar intent="error" data-testid="entry-problem">
          <MessageBarBody>
            <MessageBarTitle>There is a problem with this entry</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setProblem(undefined)}
              />
            }
          />
        </MessageBar>
      )}
      <div className={styles.body}>
        <section className={styles.sheet} aria-label="Worksheet">
          <Grid
            key={sheetId}
            handle={grid}
            onEntry={setProblem}
            workbook={workbook}
            sheetId={sheetId}
            version={version}
            widths={columnWidths[sheetId] ?? NO_WIDTHS}
            onColumnWidth={(column, width) =>
              setColumnWidths((all) => ({ ...all, [sheetId]: { ...all[sheetId], [column]: width } }))
            }
          />
          <SheetTabs workbook={workbook} version={version} />
        </section>
        {/* Closing the pane hides it: the shared runtime (and so the functions) lives on, as in Excel. */}
        <TaskPaneHost open={paneOpen} onClose={() => setPaneOpen(false)} onLoad={() => setPaneLoaded(true)} />
      </div>
      <StatusBar workbook={workbook} version={version} sandboxUrl={sandboxUrl} />
    </div>
  );
}
