/* Office.context.document.settings: name/value pairs saved in the document. set/remove change the
   in-memory copy; saveAsync writes it to the workbook (so another page on the same workbook sees it
   only after saving, as in Excel). Values round-trip through JSON like Excel's. */
import type { Workbook } from "../model/workbook";
import { asyncResult, type AsyncCallback } from "./asyncResult";

const saved = new WeakMap<Workbook, Map<string, string>>();

function savedOf(workbook: Workbook): Map<string, string> {
  let map = saved.get(workbook);
  if (!map) {
    map = new Map();
    saved.set(workbook, map);
  }
  return map;
}

/** The saved settings of a workbook, as name -> JSON text (a copy: for reading, never for writing). */
export function savedSettings(workbook: Workbook): Record<string, string> {
  return Object.fromEntries(savedOf(workbook));
}

export class DocumentSettings {
  private current: Map<string, string>;

  constructor(private readonly workbook: Workbook) {
    this.current = new Map(savedOf(workbook));
  }

  get(name: string): unknown {
    const json = this.current.get(name);
    return json === undefined ? null : JSON.parse(json);
  }

  set(name: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`The setting ${name} cannot be stored: it is not JSON.`);
    this.current.set(name, json);
  }

  /** Every setting of this copy, saved or not, as name -> JSON text (a copy: for reading). */
  entries(): Record<string, string> {
    return Object.fromEntries(this.current);
  }

  remove(name: string): void {
    this.current.delete(name);
  }

  saveAsync(optionsOrCallback?: unknown, callback?: AsyncCallback<void>): void {
    const cb = (typeof optionsOrCallback === "function" ? optionsOrCallback : callback) as
      AsyncCallback<void> | undefined;
    const store = savedOf(this.workbook);
    store.clear();
    for (const [k, v] of this.current) store.set(k, v);
    setTimeout(() => cb?.(asyncResult(undefined)), 0);
  }

  refreshAsync(callback?: AsyncCallback<DocumentSettings>): void {
    this.current = new Map(savedOf(this.workbook));
    setTimeout(() => callback?.(asyncResult(this)), 0);
  }

  addHandlerAsync(_eventType: string, _handler: unknown, callback?: AsyncCallback<void>): void {
    setTimeout(() => callback?.(asyncResult(undefined)), 0);
  }
}

const settingsByWorkbook = new WeakMap<Workbook, DocumentSettings>();

/** The one Office.context.document.settings object of a workbook, shared by every page installed on it. */
export function settingsFor(workbook: Workbook): DocumentSettings {
  let settings = settingsByWorkbook.get(workbook);
  if (!settings) {
    settings = new DocumentSettings(workbook);
    settingsByWorkbook.set(workbook, settings);
  }
  return settings;
}
