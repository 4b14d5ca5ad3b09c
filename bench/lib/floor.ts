/**
 * The rate-limit floor: the least time any client needs to make `requests` requests one after
 * another at Halo's limit (R requests per rolling window W) when each takes `latencyMs`. The first R
 * go at network speed; each later group of R can start only when the window has moved on by W from
 * the group before. The same function is used for every approach, so the floors compare.
 */
export interface HaloLimit {
  requests: number;
  windowMs: number;
  latencyMs: number;
}

export const HALO_LIMIT: HaloLimit = { requests: 300, windowMs: 300_000, latencyMs: 100 };

export function rateLimitFloorMs(requests: number, limit: HaloLimit = HALO_LIMIT): number {
  if (requests <= 0) return 0;
  const fullWindows = Math.ceil(requests / limit.requests) - 1;
  const inLastWindow = requests - fullWindows * limit.requests;
  return Math.max(requests * limit.latencyMs, fullWindows * limit.windowMs + inLastWindow * limit.latencyMs);
}
