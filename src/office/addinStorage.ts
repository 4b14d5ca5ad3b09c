/**
 * The add-in's own storage on this device (OfficeRuntime.storage): shared by the task pane and the
 * custom functions, never part of the workbook or its document settings.
 */
export function addinStorage(): OfficeRuntime.Storage {
  return OfficeRuntime.storage;
}
