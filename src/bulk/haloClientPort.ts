/**
 * The bulk engine's port onto the real Halo client: POST arrays, GET records (with details, so
 * custom fields come along; many at once where Halo has an id-list filter), the newest records, and
 * the shared rate limiter's waits and forecast. One port per client, keyed by instance, so runs
 * against one instance keep one batch in flight between them.
 */
import { getEntities, getEntity, newestEntities, postEntities, type HaloClient } from "../halo";
import type { HaloPort } from "./haloPort";

const ports = new WeakMap<HaloClient, HaloPort>();

export function haloClientPort(client: HaloClient): HaloPort {
  let port = ports.get(client);
  if (!port) {
    port = {
      instance: client.instanceUrl,
      post: (entity, objects, call = {}) => postEntities(client, entity, objects, call),
      get: (entity, id, call = {}) => getEntity(client, entity, id, { ...call, includeDetails: true }),
      getMany: (entity, ids, call = {}) => getEntities(client, entity, ids, call),
      newest: (entity, count, call = {}) => newestEntities(client, entity, count, call),
      onRateLimitWait: (listener) => client.onRateLimitWait(listener),
      rateLimitForecast: (requests, spacingMs) => client.rateLimitForecast(requests, spacingMs),
    };
    ports.set(client, port);
  }
  return port;
}
