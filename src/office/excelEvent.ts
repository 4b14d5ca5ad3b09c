/**
 * One Excel event shared by many listeners: the handler is registered once, on the first listener,
 * and stays for the page's life (removing a handler needs its own request context, which has ended
 * by then). Returns subscribe(listener) -> unsubscribe.
 */
export function sharedExcelEvent(
  register: (context: Excel.RequestContext, notify: () => Promise<void>) => void,
): (listener: () => void) => () => void {
  const listeners = new Set<() => void>();
  let registration: Promise<void> | undefined;
  return (listener) => {
    listeners.add(listener);
    registration ??= Excel.run(async (context) => {
      register(context, async () => {
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
  };
}
