/* The handle the task pane's office.js loader (server/officeLoader.js) finds on the parent window:
   it installs the workbench's Office globals into the task pane before the add-in's scripts run. */
import type { DocumentContents } from "../excel/documentContents";
import type { Workbook } from "../model/workbook";

export interface WorkbenchHost {
  /** Installs Office, Excel, OfficeRuntime and CustomFunctions into a page of the add-in. */
  installInto(target: Window): void;
  /** The workbook behind the grid, for debugging from the browser console. */
  workbook: Workbook;
  /** The request size of every Excel API sync so far, for tests of Excel's 5 MB limit. */
  syncSizes(): number[];
  clearSyncSizes(): void;
  /** Read-only: every sheet (very hidden ones too), table and document setting, for tests that search
   *  everything the add-in could have written (the secret search). */
  documentContents(): DocumentContents;
}

declare global {
  interface Window {
    __haloSheetWorkbench?: WorkbenchHost;
  }
}

export function exposeWorkbenchHost(host: WorkbenchHost): void {
  window.__haloSheetWorkbench = host;
}
