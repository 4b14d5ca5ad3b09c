/* Excel events (onSelectionChanged): handlers are registered by add() on the next sync, and called
   asynchronously after the change, as Excel does, with Excel's event-argument shapes. */
import { rectAddress } from "../model/address";
import type { Selection } from "../model/types";
import type { Workbook } from "../model/workbook";
import type { RequestContext } from "./clientObject";

export type EventHandler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

interface Registration {
  matches(selection: Selection): boolean;
  args(selection: Selection): Record<string, unknown>;
  handler: EventHandler;
}

/** One per workbook model: listens to the model and fans selection changes out to handlers. */
export class EventHub {
  private readonly registrations = new Set<Registration>();

  constructor(
    model: Workbook,
    private readonly newWorkbookProxy: () => unknown,
  ) {
    model.subscribe((event) => {
      if (event.type !== "selectionChanged") return;
      const selection = event.selection;
      for (const reg of [...this.registrations]) {
        if (!reg.matches(selection)) continue;
        setTimeout(() => {
          Promise.resolve()
            .then(() => reg.handler(reg.args(selection)))
            .catch((error) => console.error("selection handler failed", error));
        }, 0);
      }
    });
  }

  onWorksheetSelection(sheetIdOf: () => string, handler: EventHandler): () => void {
    const sheetId = sheetIdOf();
    return this.register({
      matches: (s) => s.sheetId === sheetId,
      args: (s) => ({
        type: "WorksheetSelectionChanged",
        source: "Local",
        worksheetId: s.sheetId,
        address: rectAddress(s.rect),
      }),
      handler,
    });
  }

  onWorkbookSelection(handler: EventHandler): () => void {
    return this.register({
      matches: () => true,
      args: () => ({ workbook: this.newWorkbookProxy() }),
      handler,
    });
  }

  private register(reg: Registration): () => void {
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
