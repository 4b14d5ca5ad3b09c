/*
 * installOfficeGlobals(targetWindow, workbook): gives a window (the task pane iframe, a dialog popup,
 * or a test's jsdom window) the Office, Excel, OfficeExtension, OfficeRuntime and CustomFunctions
 * globals, all acting on one workbook model, before the add-in's scripts run. The add-in's code
 * cannot tell them from Excel's.
 */
import { CustomFunctionError } from "../formula/customFunctions";
import type { CustomFunctionsMetadataFile } from "../formula/customFunctions";
import type { ErrorCode } from "../model/types";
import type { Workbook } from "../model/workbook";
import { asyncResult } from "./asyncResult";
import { ClientResult } from "./clientObject";
import { DialogEventType, createDialogUi, createDisplayDialogAsync, dialogWindows } from "./dialog";
import { ErrorCodes, OfficeExtensionError } from "./errors";
import { settingsFor } from "./settings";
import { OfficeRuntimeStorage } from "./storage";
import { createExcelNamespace } from "./workbookProxy";

export type Platform = "OfficeOnline" | "PC" | "Mac";

export interface InstallOptions {
  /** What Office.onReady reports; "OfficeOnline" by default (Excel on the web's limits apply). */
  platform?: Platform;
  /** functions.json and the manifest's namespace, to make HALO.* callable in formulas. */
  functionsMetadata?: CustomFunctionsMetadataFile;
  functionsNamespace?: string;
  /** Keep OfficeRuntime.storage in memory instead of the window's localStorage. */
  memoryStorage?: boolean;
}

export interface OfficeGlobals {
  Office: Record<string, unknown>;
  Excel: ReturnType<typeof createExcelNamespace>;
  OfficeExtension: Record<string, unknown>;
  OfficeRuntime: { storage: OfficeRuntimeStorage };
  CustomFunctions: Record<string, unknown>;
}

/** CustomFunctions.ErrorCode: the error values a custom function may return. */
export const CustomFunctionErrorCode: Record<string, ErrorCode> = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/** CustomFunctions.Error(code, message): the class add-in code constructs and throws. */
class CustomFunctionsError extends CustomFunctionError {
  constructor(code: ErrorCode = "#VALUE!", message?: string) {
    super(code, message);
  }
}

/** Resolves once the page's own scripts (deferred ones included) have run, like office.js's start-up. */
function whenParsed(targetWindow: Window): Promise<void> {
  const doc = targetWindow.document;
  if (!doc || doc.readyState !== "loading") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) =>
    targetWindow.addEventListener("DOMContentLoaded", () => setTimeout(resolve, 0), { once: true }),
  );
}

export function installOfficeGlobals(
  targetWindow: Window,
  workbook: Workbook,
  options: InstallOptions = {},
): OfficeGlobals {
  const platform = options.platform ?? "OfficeOnline";
  const pageReady = whenParsed(targetWindow);
  if (options.functionsMetadata) {
    workbook.customFunctions.loadMetadata(options.functionsMetadata, options.functionsNamespace ?? "HALO");
  }
  const isDialog = dialogWindows.has(targetWindow);
  const info = { host: "Excel", platform };
  const settings = settingsFor(workbook);
  const ui = isDialog
    ? { ...createDialogUi(targetWindow), displayDialogAsync: createDisplayDialogAsync(targetWindow) }
    : {
        displayDialogAsync: createDisplayDialogAsync(targetWindow),
        messageParent: () => {
          throw new Error("messageParent can only be called from a dialog page.");
        },
      };
  const actions = new Map<string, unknown>();
  const Office: Record<string, unknown> = {
    HostType: {
      Excel: "Excel",
      Word: "Word",
      PowerPoint: "PowerPoint",
      Outlook: "Outlook",
      OneNote: "OneNote",
      Project: "Project",
      Access: "Access",
    },
    PlatformType: {
      PC: "PC",
      OfficeOnline: "OfficeOnline",
      Mac: "Mac",
      iOS: "iOS",
      Android: "Android",
      Universal: "Universal",
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ...DialogEventType, DocumentSelectionChanged: "documentSelectionChanged" },
    context: {
      host: "Excel",
      platform,
      contentLanguage: "en-US",
      displayLanguage: "en-US",
      diagnostics: { host: "Excel", platform, version: "16.0.workbench" },
      document: { settings, url: "Book1.xlsx", mode: "readWrite" },
      ui,
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          ["ExcelApi", "CustomFunctionsRuntime", "SharedRuntime", "DialogApi", "RibbonApi"].includes(name) &&
          (minVersion === undefined || Number(minVersion) <= (name === "ExcelApi" ? 1.17 : 1.4)),
      },
    },
    actions: { associate: (id: string, fn: unknown) => void actions.set(id, fn) },
    addin: {
      showAsTaskpane: async () => undefined,
      hide: async () => undefined,
      onVisibilityModeChanged: async () => () => Promise.resolve(),
      setStartupBehavior: async () => undefined,
      getStartupBehavior: async () => "none",
    },
    initialize: undefined as unknown,
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return pageReady.then(() => {
        callback?.(info);
        return info;
      });
    },
    asyncResult,
  };
  const OfficeExtension = {
    Error: OfficeExtensionError,
    ErrorCodes: { ...ErrorCodes },
    ClientResult,
    config: { extendedErrorLogging: false },
    Promise,
  };
  const CustomFunctions = {
    associate: (idOrMap: string | Record<string, never>, fn?: never) =>
      workbook.customFunctions.associate(idOrMap, fn),
    Error: CustomFunctionsError,
    ErrorCode: CustomFunctionErrorCode,
  };
  let storage: Storage | null = null;
  if (!options.memoryStorage) {
    try {
      storage = targetWindow.localStorage ?? null;
    } catch {
      storage = null;
    }
  }
  const globals: OfficeGlobals = {
    Office,
    Excel: createExcelNamespace(workbook),
    OfficeExtension,
    OfficeRuntime: { storage: new OfficeRuntimeStorage(storage) },
    CustomFunctions,
  };
  const target = targetWindow as unknown as Record<string, unknown>;
  for (const [name, value] of Object.entries(globals)) target[name] = value;
  // Office.initialize, when the page assigns it, is called once Office is ready, as in Excel.
  void pageReady.then(() => {
    const init = Office.initialize;
    if (typeof init === "function") init("Excel");
  });
  return globals;
}
