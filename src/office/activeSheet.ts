/** The active worksheet: its id, and a subscription to the user switching sheets. */

export async function activeSheet(): Promise<{ id: string; name: string }> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("id,name");
    await context.sync();
    return { id: sheet.id, name: sheet.name };
  });
}

const listeners = new Set<() => void>();
let registration: Promise<void> | undefined;

/**
 * Calls `listener` whenever another sheet becomes active; returns a function that stops it. One
 * Excel handler serves every listener and stays for the page's life: removing a handler needs its
 * own request context, which has ended by then.
 */
export function onActiveSheetChanged(listener: () => void): () => void {
  listeners.add(listener);
  registration ??= Excel.run(async (context) => {
    context.workbook.worksheets.onActivated.add(async () => {
      for (const notify of [...listeners]) notify();
    });
    await context.sync();
  }).catch(() => {
    // Without the event (an older host) the pane still works; it just re-reads on its own actions.
    registration = undefined;
  });
  return () => {
    listeners.delete(listener);
  };
}
