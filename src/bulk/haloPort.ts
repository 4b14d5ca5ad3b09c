/**
 * The narrow port the bulk engine needs from Halo. The engine depends on this, not on the client,
 * so unit tests drive it with a scripted fake and the task pane, functions and CLI plug in the real
 * client through haloClientPort.ts.
 */
import type { HaloObject } from "./payload";

/** One answer per object sent, in the order sent (the client normalises Halo's response shapes). */
export interface PortPostResult {
  index: number;
  id?: number;
  record?: HaloObject;
}

export interface HaloPort {
  /** The Halo instance behind the port ("https://acme.halopsa.com"): runs on one instance take turns per batch. */
  readonly instance?: string;
  /**
   * POST /api/<Entity> with an array of objects. Rejects with a HaloError: kind "Validation" (400)
   * when Halo refused the request; `mayHaveApplied` true when the answer was lost after sending.
   */
  post(entity: string, objects: HaloObject[], signal?: AbortSignal): Promise<PortPostResult[]>;
  /** GET /api/<Entity>/<id> with details (custom fields included). */
  get(entity: string, id: number): Promise<HaloObject>;
  /**
   * Tells the listener whenever the shared rate limiter makes a request wait, so runs can show it.
   * Returns an unsubscribe function. Optional: fakes and clients without a limiter leave it out.
   */
  onRateLimitWait?(listener: (waitMs: number) => void): () => void;
}
