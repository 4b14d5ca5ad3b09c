/*
 * Office.context.ui.displayDialogAsync: opens the dialog page in a popup window (window.open). The
 * dialog page gets Office globals whose messageParent posts to the opener; the parent's Dialog
 * object raises DialogMessageReceived. Excel's rules: one dialog at a time (12007), same origin as the
 * add-in (12004), HTTPS except on localhost (12005), a blocked popup fails (12009), closing by the
 * user raises DialogEventReceived with 12006.
 */
import { asyncFailure, asyncResult, type AsyncCallback } from "./asyncResult";

export const DIALOG_MESSAGE = "workbench:dialogMessage";
const PARENT_MESSAGE = "workbench:parentMessage";

export const DialogEventType = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
} as const;

type Handler = (args: Record<string, unknown>) => void;

/** Popups opened as dialogs: installOfficeGlobals gives these the dialog flavour of Office. */
export const dialogWindows = new WeakSet<Window>();

export interface DialogOptions {
  height?: number;
  width?: number;
  displayInIframe?: boolean;
  promptBeforeOpen?: boolean;
  asyncContext?: unknown;
}

export class Dialog {
  private readonly handlers = new Map<string, Set<Handler>>();
  private closedByApi = false;
  private readonly onMessage: (event: MessageEvent) => void;
  private readonly watch: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: Window,
    private readonly popup: Window,
    private readonly onClosed: () => void,
  ) {
    this.onMessage = (event: MessageEvent) => {
      // messageParent runs in the workbench page's realm (installOfficeGlobals is installed from there), so
      // the browser names the workbench's top window as the sender, not the popup. One dialog is open per
      // host at a time (12007), so a dialog message from either is this dialog's.
      const fromDialog = event.source === popup || event.source === host.top;
      if (!fromDialog || event.origin !== host.location.origin) return;
      const data = event.data as { type?: string; message?: unknown } | null;
      if (data?.type !== DIALOG_MESSAGE) return;
      this.raise(DialogEventType.DialogMessageReceived, {
        type: DialogEventType.DialogMessageReceived,
        message: data.message,
        origin: event.origin,
      });
    };
    host.addEventListener("message", this.onMessage);
    this.watch = setInterval(() => {
      if (popup.closed && !this.closedByApi) {
        this.finish();
        this.raise(DialogEventType.DialogEventReceived, {
          type: DialogEventType.DialogEventReceived,
          error: 12006,
        });
      }
    }, 250);
  }

  addEventHandler(eventType: string, handler: Handler): void {
    const set = this.handlers.get(eventType) ?? new Set();
    set.add(handler);
    this.handlers.set(eventType, set);
  }

  private raise(eventType: string, args: Record<string, unknown>): void {
    this.handlers.get(eventType)?.forEach((h) => {
      try {
        h(args);
      } catch (error) {
        console.error("dialog handler failed", error);
      }
    });
  }

  /** Sends a message to the dialog page (Office.context.ui.addHandlerAsync there receives it). */
  messageChild(message: string): void {
    this.popup.postMessage({ type: PARENT_MESSAGE, message }, this.host.location.origin);
  }

  close(): void {
    this.closedByApi = true;
    this.finish();
    this.popup.close();
  }

  private finish(): void {
    clearInterval(this.watch);
    this.host.removeEventListener("message", this.onMessage);
    this.onClosed();
  }
}

function isLocalhost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** The parent side: Office.context.ui.displayDialogAsync for a host window. */
export function createDisplayDialogAsync(host: Window) {
  let open: Dialog | undefined;
  return function displayDialogAsync(
    startAddress: string,
    optionsOrCallback?: DialogOptions | AsyncCallback<Dialog>,
    maybeCallback?: AsyncCallback<Dialog>,
  ): void {
    const options = (typeof optionsOrCallback === "object" ? optionsOrCallback : {}) ?? {};
    const callback =
      (typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback) ?? (() => undefined);
    const fail = (code: number, message: string): void => {
      setTimeout(() => callback(asyncFailure<Dialog>(code, "Dialog error", message)), 0);
    };
    let url: URL;
    try {
      url = new URL(startAddress, host.location.href);
    } catch {
      return fail(12003, "The dialog URL is not valid.");
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isLocalhost(url.hostname))) {
      return fail(12005, "The URL passed to displayDialogAsync uses the HTTP protocol. HTTPS is required.");
    }
    if (url.origin !== host.location.origin) {
      return fail(12004, "The domain of the URL is not the add-in's domain.");
    }
    if (open) return fail(12007, "A dialog box is already opened from this host window.");
    const width = Math.round(((options.width ?? 80) / 100) * (host.screen?.availWidth || 1280));
    const height = Math.round(((options.height ?? 80) / 100) * (host.screen?.availHeight || 800));
    const popup = host.open(url.href, "_blank", `popup=yes,width=${width},height=${height}`);
    if (!popup) return fail(12009, "The dialog box could not be opened (the popup was blocked).");
    dialogWindows.add(popup);
    const dialog = new Dialog(host, popup, () => {
      if (open === dialog) open = undefined;
    });
    open = dialog;
    setTimeout(() => callback(asyncResult(dialog, options.asyncContext)), 0);
  };
}

/** The dialog page side: Office.context.ui.messageParent and parent-message handlers. */
export function createDialogUi(dialogWindow: Window) {
  return {
    messageParent(message: string, _options?: { targetOrigin?: string }): void {
      const opener = dialogWindow.opener as Window | null;
      if (!opener) throw new Error("messageParent: this page was not opened as an Office dialog.");
      opener.postMessage({ type: DIALOG_MESSAGE, message }, dialogWindow.location.origin);
    },
    addHandlerAsync(eventType: string, handler: Handler, callback?: AsyncCallback<void>): void {
      if (eventType === DialogEventType.DialogParentMessageReceived) {
        dialogWindow.addEventListener("message", (event: MessageEvent) => {
          const data = event.data as { type?: string; message?: unknown } | null;
          if (event.origin === dialogWindow.location.origin && data?.type === PARENT_MESSAGE) {
            handler({ type: eventType, message: data.message, origin: event.origin });
          }
        });
      }
      setTimeout(() => callback?.(asyncResult(undefined)), 0);
    },
  };
}
