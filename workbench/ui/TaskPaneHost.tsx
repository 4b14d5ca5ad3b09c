/* The side panel where Excel shows the add-in: the add-in's real task pane page in an iframe. The
   workbench's Office globals reach it through officeHost.ts before its scripts run. */
import { Button, Caption1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    width: "380px",
    minWidth: "280px",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  frame: { flex: 1, border: "none", width: "100%" },
});

export interface TaskPaneHostProps {
  open: boolean;
  onClose(): void;
  onLoad(): void;
}

export function TaskPaneHost({ open, onClose, onLoad }: TaskPaneHostProps): JSX.Element {
  const styles = useStyles();
  return (
    <aside
      className={styles.panel}
      aria-label="Task pane"
      hidden={!open}
      style={open ? undefined : { display: "none" }}
    >
      <div className={styles.header}>
        <Caption1Strong>HaloSheet</Caption1Strong>
        <Button
          appearance="subtle"
          size="small"
          icon={<DismissRegular />}
          aria-label="Close task pane"
          onClick={onClose}
        />
      </div>
      <iframe
        className={styles.frame}
        name="taskpane"
        title="HaloSheet task pane"
        src="taskpane.html"
        data-testid="taskpane-frame"
        onLoad={onLoad}
      />
    </aside>
  );
}
