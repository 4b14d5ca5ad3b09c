/** The `code` of an error Excel rejected a sync with ("ApiNotFound", "InvalidOperation", ...), if it has one. */
export function excelErrorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}
