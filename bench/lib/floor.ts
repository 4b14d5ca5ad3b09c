/**
 * The rate-limit floor: the least time any client needs to make the requests an approach made, one
 * after another, if it never waited for anything but Halo's limit. Two counts, both from the wire:
 * - `limited`: the requests Halo counts against its limit (R per rolling window W): every /api request
 *   the limiter admits, whatever the answer then is (a 500, or a lost answer: the work was done). A 429
 *   (Halo's own or a spurious one from its front end), a 401 for an expired token, a token request and
 *   the authinfo discovery take no place in the window.
 * - `total`: every request on the wire; each takes the network's latency, counted or not.
 * The first R counted requests go at network speed; each later group of R can start only when the window
 * has moved on by W from the group before. The same function serves every approach, so the floors compare.
 */
export interface WireCount {
  limited: number;
  total: number;
}

export interface HaloLimit {
  requests: number;
  windowMs: number;
  latencyMs: number;
}

export const HALO_LIMIT: HaloLimit = { requests: 300, windowMs: 300_000, latencyMs: 100 };

export function rateLimitFloorMs({ limited, total }: WireCount, limit: HaloLimit = HALO_LIMIT): number {
  const latency = total * limit.latencyMs;
  if (limited <= 0) return latency;
  const fullWindows = Math.ceil(limited / limit.requests) - 1;
  const inLastWindow = limited - fullWindows * limit.requests;
  return Math.max(latency, fullWindows * limit.windowMs + inLastWindow * limit.latencyMs);
}
