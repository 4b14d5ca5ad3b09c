/**
 * Keyboard for a virtualised list of rows: only the rows in view exist in the DOM, so arrow keys
 * cannot simply move focus to the next element. One row is the tab stop; Up/Down, Page Up/Down and
 * Ctrl+Home/End scroll the list to the target row (react-window renders it) and focus it.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { FixedSizeList } from "react-window";

export interface VirtualRowFocus {
  listRef: RefObject<FixedSizeList>;
  /** Goes on the element around the rows. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  /** Goes on each rendered row. */
  rowProps(index: number): { tabIndex: number; "data-row-index": number; onFocus(): void };
}

export function useVirtualRowFocus(count: number, pageRows: number): VirtualRowFocus {
  const listRef = useRef<FixedSizeList>(null);
  const [active, setActive] = useState(0);
  // Set by a key, so that only a key moves focus (not a re-render).
  const focusPending = useRef(false);
  const container = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (active >= count) setActive(Math.max(0, count - 1));
  }, [active, count]);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    container.current?.querySelector<HTMLElement>(`[data-row-index="${active}"]`)?.focus();
  }, [active]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const keys: Record<string, number> = {
        ArrowDown: active + 1,
        ArrowUp: active - 1,
        PageDown: active + pageRows,
        PageUp: active - pageRows,
        ...(event.ctrlKey ? { End: count - 1, Home: 0 } : {}),
      };
      if (!(event.key in keys) || count === 0) return;
      event.preventDefault();
      container.current = event.currentTarget;
      const target = Math.min(count - 1, Math.max(0, keys[event.key]!));
      listRef.current?.scrollToItem(target);
      focusPending.current = true;
      setActive(target);
    },
    [active, count, pageRows],
  );

  const rowProps = useCallback(
    (index: number) => ({
      tabIndex: index === active ? 0 : -1,
      "data-row-index": index,
      onFocus: () => setActive(index),
    }),
    [active],
  );

  return { listRef, onKeyDown, rowProps };
}
