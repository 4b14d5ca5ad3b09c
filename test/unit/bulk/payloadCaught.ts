/** The error of an expected type that a call throws or a promise rejects with (fails the test otherwise). */
type ErrorClass<T> = abstract new (...args: never[]) => T;

export function thrownBy<T>(type: ErrorClass<T>, call: () => unknown): T {
  try {
    call();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name} to be thrown`);
}

export async function rejectionOf<T>(type: ErrorClass<T>, promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a rejection with a ${type.name}`);
}
