/**
 * The bulk engine's port onto the real Halo client: POST arrays and GET one record (with details,
 * so custom fields come along), and the shared rate limiter's waits. One port per client, keyed by
 * instance, so runs against one instance keep one batch in flight between them.
 */
import { getEntity, postEntities, type HaloClient } from "../halo";
import type { HaloPort } from "./haloPort";

const ports = new WeakMap<HaloClient, HaloPort>();

export function haloClientPort(client: HaloClient): HaloPort {
  let port = ports.get(client);
  if (!port) {
    port = {
      instance: client.instanceUrl,
      post: (entity, objects, signal) => postEntities(client, entity, objects, signal ? { signal } : {}),
      get: (entity, id) => getEntity(client, entity, id, { includeDetails: true }),
      onRateLimitWait: (listener) => client.onRateLimitWait(listener),
    };
    ports.set(client, port);
  }
  return port;
}
