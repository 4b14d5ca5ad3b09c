/* Typed errors of the workbook model. Codes are the Excel JavaScript API's error codes so the API
   emulation can surface them unchanged. */

export type WorkbookErrorCode =
  "InvalidArgument" | "InvalidOperation" | "ItemAlreadyExists" | "ItemNotFound" | "InvalidReference";

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}
