/* Copy, cut and paste through the browser's clipboard events, as Excel's tab-separated text, so blocks
   move to and from other applications. Only while the grid has the keyboard (and no cell editor is
   open: the editor's <input> keeps the clipboard for its own text). */
import { useEffect, type RefObject } from "react";
import { formatTsv, parseTsv } from "../tsv";
import type { SheetActions } from "./sheetActions";

function gridHasFocus(container: HTMLElement | null): boolean {
  const active = document.activeElement;
  return !!container && !!active && container.contains(active) && active.tagName !== "INPUT";
}

export function useClipboard(container: RefObject<HTMLElement>, actions: SheetActions): void {
  useEffect(() => {
    const copy = (event: ClipboardEvent, take: () => string[][] | undefined) => {
      if (!event.clipboardData || !gridHasFocus(container.current)) return;
      const block = take();
      if (!block) return;
      event.clipboardData.setData("text/plain", formatTsv(block));
      event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => copy(event, () => actions.copyBlock());
    const onCut = (event: ClipboardEvent) => copy(event, () => actions.cutBlock());
    const onPaste = (event: ClipboardEvent) => {
      const text = event.clipboardData?.getData("text/plain");
      if (!text || !gridHasFocus(container.current)) return;
      event.preventDefault();
      actions.paste(parseTsv(text));
    };
    window.addEventListener("copy", onCopy);
    window.addEventListener("cut", onCut);
    window.addEventListener("paste", onPaste);
    return () => {
      window.removeEventListener("copy", onCopy);
      window.removeEventListener("cut", onCut);
      window.removeEventListener("paste", onPaste);
    };
  }, [container, actions]);
}
