/* Excel events (onSelectionChanged, onChanged, onActivated): handlers are registered by add() on the
   next sync, and called asynchronously after the change, as Excel does, with Excel's argument shapes.
   onChanged fires for edits by the user and by the API, not for recalculation, as in Excel. */
import { rectAddress } from "../model/address";
import type { WorkbookEvent } from "../model/types";
import type { Workbook } from "../model/workbook";
import type { RequestContext } from "./clientObject";

export type EventHandler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

/** Turns a model event into the argument lists of the handlers it concerns (none: ignore). */
type Matcher = (event: WorkbookEvent) => Record<string, unknown>[];

/** One per workbook model: listens to the model and fans its changes out to handlers. */
export class EventHub {
  private readonly registrations = new Set<{ match: Matcher; handler: EventHandler }>();

  constructor(
    model: Workbook,
    private readonly newWorkbookProxy: () => unknown,
  ) {
    model.subscribe((event) => {
      for (const reg of [...this.registrations]) {
        for (const args of reg.match(event)) {
          setTimeout(() => {
            Promise.resolve()
              .then(() => reg.handler(args))
              .catch((error) => console.error("Excel event handler failed", error));
          }, 0);
        }
      }
    });
  }

  /** worksheet.onSelectionChanged (sheetId) or workbook.onSelectionChanged (undefined). */
  onSelectionChanged(sheetId: string | undefined, handler: EventHandler): () => void {
    return this.register(handler, (e) => {
      if (e.type !== "selectionChanged") return [];
      if (sheetId === undefined) return [{ workbook: this.newWorkbookProxy() }];
      if (e.selection.sheetId !== sheetId) return [];
      return [
        {
          type: "WorksheetSelectionChanged",
          source: "Local",
          worksheetId: e.selection.sheetId,
          address: rectAddress(e.selection.rect),
        },
      ];
    });
  }

  /** worksheet.onChanged (sheetId) or worksheets.onChanged (undefined): one call per edited range. */
  onChanged(sheetId: string | undefined, handler: EventHandler): () => void {
    return this.register(handler, (e) => {
      if (e.type !== "cellsChanged" || e.source === "calc") return [];
      if (sheetId !== undefined && e.sheetId !== sheetId) return [];
      return e.rects.map((rect) => ({
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        worksheetId: e.sheetId,
        address: rectAddress(rect),
      }));
    });
  }

  /** worksheet.onActivated (sheetId) or worksheets.onActivated (undefined). */
  onActivated(sheetId: string | undefined, handler: EventHandler): () => void {
    return this.register(handler, (e) => {
      if (e.type !== "activeSheetChanged") return [];
      if (sheetId !== undefined && e.sheetId !== sheetId) return [];
      return [{ type: "WorksheetActivated", worksheetId: e.sheetId }];
    });
  }

  private register(handler: EventHandler, match: Matcher): () => void {
    const reg = { match, handler };
    this.registrations.add(reg);
    return () => this.registrations.delete(reg);
  }
}

const hubs = new WeakMap<Workbook, EventHub>();

export function eventHubFor(model: Workbook, newWorkbookProxy: () => unknown): EventHub {
  let hub = hubs.get(model);
  if (!hub) {
    hub = new EventHub(model, newWorkbookProxy);
    hubs.set(model, hub);
  }
  return hub;
}

let hubFactory: ((context: RequestContext) => EventHub) | undefined;

/** Set by the workbook proxy module (which knows how to make a fresh workbook proxy). */
export function setHubFactory(factory: (context: RequestContext) => EventHub): void {
  hubFactory = factory;
}

export class EventHandlerResult {
  private unregister: (() => void) | undefined;

  constructor(readonly context: RequestContext) {}

  /** @internal */
  _attach(unregister: () => void): void {
    this.unregister = unregister;
  }

  /** Removes the handler on the next sync. */
  remove(): void {
    this.context._queue(() => this.unregister?.(), 0, "EventHandlerResult.remove");
  }
}

/** An event property such as worksheet.onSelectionChanged. */
export class EventSource {
  constructor(
    private readonly context: RequestContext,
    private readonly subscribe: (hub: EventHub, handler: EventHandler) => () => void,
  ) {}

  add(handler: EventHandler): EventHandlerResult {
    const result = new EventHandlerResult(this.context);
    this.context._queue(
      () => {
        if (!hubFactory) throw new Error("The workbench event hub is not installed.");
        result._attach(this.subscribe(hubFactory(this.context), handler));
      },
      0,
      "EventSource.add",
    );
    return result;
  }
}
