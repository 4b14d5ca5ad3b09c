/* Re-renders on workbook changes, at most once per animation frame: 10,000 function results
   landing one by one redraw the grid once, not 10,000 times. */
import { useEffect, useState } from "react";
import type { Workbook } from "../model/workbook";

export function useWorkbookVersion(workbook: Workbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame: number | undefined;
    const unsubscribe = workbook.subscribe(() => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        setVersion((v) => v + 1);
      });
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [workbook]);
  return version;
}
