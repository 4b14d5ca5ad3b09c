/* OfficeExtension.Error as Excel raises it: name "RichApi.Error", a `code` from Excel's error codes,
   the message, and debugInfo. Codes and messages follow Excel's so add-in error handling sees the same. */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  invalidRequestContext: "InvalidRequestContext",
  invalidObjectPath: "InvalidObjectPath",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  notImplemented: "NotImplemented",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: OfficeExtensionError | null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export function propertyNotLoaded(property: string, entity: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function invalidArgument(message: string, location?: string): OfficeExtensionError {
  return new OfficeExtensionError(ErrorCodes.invalidArgument, message, location);
}
