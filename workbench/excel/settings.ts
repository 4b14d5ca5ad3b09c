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
