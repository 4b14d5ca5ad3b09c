/* Office's AsyncResult shape for callback-style APIs. */

export interface AsyncResultError {
  code: number;
  name: string;
  message: string;
}

export interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: AsyncResultError;
  asyncContext?: unknown;
}

export type AsyncCallback<T> = (result: AsyncResult<T>) => void;

export function asyncResult<T>(value: T, asyncContext?: unknown): AsyncResult<T> {
  return { status: "succeeded", value, asyncContext };
}

export function asyncFailure<T>(code: number, name: string, message: string): AsyncResult<T> {
  return { status: "failed", value: undefined as T, error: { code, name, message } };
}
