/* Excel.Workbook, Excel.Application, Excel.run and the Excel namespace object the workbench installs. */
import type { Workbook as WorkbookModel } from "../model/workbook";
import { ClientObject, ClientResult, RequestContext, defineProperties } from "./clientObject";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { EventSource, eventHubFor, setHubFactory } from "./events";
import { Range, type RangeTarget } from "./range";
import { TableCollection } from "./tables";
import { WorksheetCollection } from "./worksheet";

export class Application extends ClientObject {
  /** Excel skips recalculation until the next sync; the workbench already calculates once per sync. */
  suspendApiCalculationUntilNextSync(): void {
    this.context._queue(
      () => {
        this.context.calculationSuspended = true;
      },
      0,
      "Application.suspendApiCalculationUntilNextSync",
    );
  }

  calculate(_calculationType?: string): void {
    this.context._queue(() => this.context.model.recalculateAll(), 0, "Application.calculate");
  }
}

defineProperties(Application, "Application", {
  calculationMode: { get: () => "Automatic" },
  calculationState: { get: () => "Done" },
});

export class ExcelWorkbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly application: Application;
  private selectionEvent: EventSource | undefined;

  constructor(context: RequestContext) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.tables = new TableCollection(context);
    this.application = new Application(context);
  }

  /** The selected range; Excel fails when the selection is not a single range. */
  getSelectedRange(): Range {
    return new Range(this.context, () => selectedTarget(this.context.model));
  }

  getActiveCell(): Range {
    return new Range(this.context, () => activeCellTarget(this.context.model));
  }

  get onSelectionChanged(): EventSource {
    this.selectionEvent ??= new EventSource(this.context, (hub, handler) =>
      hub.onSelectionChanged(undefined, handler),
    );
    return this.selectionEvent;
  }

  getCount(): ClientResult<number> {
    return this.worksheets.getCount();
  }
}

defineProperties(ExcelWorkbook, "Workbook", {
  name: { get: () => "Book1.xlsx" },
  readOnly: { get: () => false },
});

function selectedTarget(model: WorkbookModel): RangeTarget {
  const { sheetId, rect, areas } = model.getSelection();
  if (areas)
    throw new OfficeExtensionError(
      ErrorCodes.invalidSelection,
      "The current selection is invalid for this operation.",
      "Workbook.getSelectedRange",
    );
  return { sheetId, rect };
}

function activeCellTarget(model: WorkbookModel): RangeTarget {
  const { sheetId, activeRow, activeCol } = model.getSelection();
  return { sheetId, rect: { row: activeRow, col: activeCol, rowCount: 1, colCount: 1 } };
}

/** A request context on a workbook model (what Excel.run hands the batch). */
export function createRequestContext(model: WorkbookModel): RequestContext {
  const context = new RequestContext(model);
  context.workbook = new ExcelWorkbook(context);
  return context;
}

setHubFactory((context) => eventHubFor(context.model, () => createRequestContext(context.model).workbook));

export type Batch<T> = (context: RequestContext) => Promise<T> | T;

/**
 * Excel.run(batch): runs the batch with a new request context, syncs what it left queued, and ends
 * the context (its objects cannot be used afterwards). Errors reject the returned promise.
 */
export function createExcelRun(model: WorkbookModel) {
  return async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args.find((a) => typeof a === "function") as Batch<T> | undefined;
    if (!batch) {
      throw new OfficeExtensionError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.");
    }
    const context = createRequestContext(model);
    try {
      const result = await batch(context);
      await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  };
}

/** The `Excel` global for one workbook model. */
export function createExcelNamespace(model: WorkbookModel) {
  return {
    run: createExcelRun(model),
    RequestContext: function RequestContextFactory() {
      return createRequestContext(model);
    },
    ErrorCodes: { ...ErrorCodes },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ClearApplyTo: {
      all: "All",
      formats: "Formats",
      contents: "Contents",
      hyperlinks: "Hyperlinks",
      removeHyperlinks: "RemoveHyperlinks",
    },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    EventType: { worksheetSelectionChanged: "WorksheetSelectionChanged" },
    RangeValueType: {
      unknown: "Unknown",
      empty: "Empty",
      string: "String",
      integer: "Integer",
      double: "Double",
      boolean: "Boolean",
      error: "Error",
    },
  };
}
