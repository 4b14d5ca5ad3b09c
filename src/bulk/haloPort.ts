/**
 * The narrow port the bulk engine needs from Halo. The engine depends on this, not on the client,
 * so unit tests drive it with a scripted fake and the task pane, functions and CLI plug in the real
 * client through haloClientPort.ts.
 *
 * The port is the one retry layer (the client's): it repeats what is safe to repeat (reads, and any
 * request Halo provably did not apply: 429, 503, refused connection) within `maxAttempts`, and
 * throws the rest. The engine never loops on a port call; it decides what a failure means for
 * each row (resend a lost update, read a create back, drop a rejected row).
 */
import type { RateLimitForecast, RetryEvent } from "../halo";
import type { HaloObject } from "./payload";

/** One answer per object sent, in the order sent (the client normalises Halo's response shapes). */
export interface PortPostResult {
  index: number;
  id?: number;
  record?: HaloObject;
}

/** What the engine passes with every call: the attempts it allows and where it counts them. */
export interface PortCall {
  signal?: AbortSignal;
  /** Attempts for this call, the first included (default the client's policy). */
  maxAttempts?: number;
  /** Called before each HTTP request the call sends: every attempt counts in the run's requests. */
  onSend?: () => void;
  /** Called before each wait for a retry (a 429's Retry-After, a back-off). */
  onRetry?: (event: RetryEvent) => void;
}

export interface HaloPort {
  /** The Halo instance behind the port ("https://acme.halopsa.com"): runs on one instance take turns per batch. */
  readonly instance?: string;
  /**
   * POST /api/<Entity> with an array of objects. Rejects with a HaloError: kind "Validation" (400)
   * when Halo refused the request; `mayHaveApplied` true when the answer was lost after sending.
   */
  post(entity: string, objects: HaloObject[], call?: PortCall): Promise<PortPostResult[]>;
  /** GET /api/<Entity>/<id> with details (custom fields included). */
  get(entity: string, id: number, call?: PortCall): Promise<HaloObject>;
  /**
   * Records by id in as few requests as Halo allows (a list filtered by ids where the entity has
   * one, else one GET each); ids Halo does not hold are absent. Optional: without it, `get` each.
   */
  getMany?(
    entity: string,
    ids: number[],
    call?: PortCall & { needDetails?: boolean },
  ): Promise<Map<number, HaloObject>>;
  /**
   * The newest `count` records (highest id first), in one request; undefined when the entity's list
   * cannot be ordered by id (then a create whose answer was lost cannot be looked for).
   */
  newest?(entity: string, count: number, call?: PortCall): Promise<HaloObject[] | undefined>;
  /**
   * Tells the listener whenever the shared rate limiter makes a request wait, so runs can show it.
   * Returns an unsubscribe function. Optional: fakes and clients without a limiter leave it out.
   */
  onRateLimitWait?(listener: (waitMs: number) => void): () => void;
  /** The waits the rate limiter will impose on `requests` more requests sent one every `spacingMs`. */
  rateLimitForecast?(requests: number, spacingMs: number): RateLimitForecast | undefined;
}
