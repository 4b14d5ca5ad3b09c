/** The name lookups' port over the real Halo client: Halo's `search` filter, every page. */
import { listEntities, type HaloClient } from "../../halo";
import type { NameListPort } from "./idLookup";

export function haloNameListPort(client: Pick<HaloClient, "request">): NameListPort {
  return {
    async list(entity, search) {
      const query = search === undefined ? {} : { search };
      return (await listEntities(client, entity, { query })).rows;
    },
  };
}
