import { HaloError } from "../../src/halo/errors";

/** Awaits a promise expected to reject with a HaloError and returns the error (fails otherwise). */
export async function haloRejection(promise: Promise<unknown>): Promise<HaloError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HaloError) return error;
    throw error;
  }
  throw new Error("expected a HaloError rejection, got a result");
}
