/* Excel's status bar: which sandbox the workbench is connected to, and the selection's count and sum. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { intersectRects } from "../model/address";
import type { Workbook } from "../model/workbook";

const PING_INTERVAL_MS = 15_000;

const useStyles = makeStyles({
  bar: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

type Reachability = "checking" | "connected" | "unreachable";

/** Any answer means the sandbox is up; no-cors keeps the check free of the sandbox's CORS rules. */
function useReachability(url: string | null): Reachability {
  const [state, setState] = useState<Reachability>("checking");
  useEffect(() => {
    if (!url) return;
    let live = true;
    const ping = () =>
      fetch(`${url}/api/authinfo`, { mode: "no-cors", cache: "no-store" }).then(
        () => live && setState("connected"),
        () => live && setState("unreachable"),
      );
    void ping();
    const timer = setInterval(ping, PING_INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [url]);
  return state;
}

export interface StatusBarProps {
  workbook: Workbook;
  version: number;
  sandboxUrl: string | null;
}

export function StatusBar({ workbook, version, sandboxUrl }: StatusBarProps): JSX.Element {
  const styles = useStyles();
  const reachability = useReachability(sandboxUrl);
  const summary = useMemo(() => {
    void version;
    const { sheetId, rect } = workbook.getSelection();
    const used = workbook.usedRange(sheetId);
    const cells = used ? intersectRects(rect, used) : undefined;
    let count = 0;
    let sum = 0;
    let numbers = 0;
    for (const line of cells ? workbook.getValues(sheetId, cells) : []) {
      for (const value of line) {
        if (value === null || value === "") continue;
        count += 1;
        if (typeof value === "number") {
          sum += value;
          numbers += 1;
        }
      }
    }
    return count > 1 ? `Count: ${count}${numbers > 0 ? `  Sum: ${sum}` : ""}` : "";
  }, [workbook, version]);

  return (
    <footer className={styles.bar}>
      <Caption1 data-testid="sandbox-status">
        {sandboxUrl ? (
          <>
            Sandbox {sandboxUrl}:{" "}
            <span className={reachability === "unreachable" ? styles.bad : styles.ok}>{reachability}</span>
          </>
        ) : (
          "No sandbox: start the workbench with npm start to connect one"
        )}
      </Caption1>
      <Caption1 data-testid="selection-summary">{summary}</Caption1>
    </footer>
  );
}
