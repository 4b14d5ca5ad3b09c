/** The name lookups' port over the real Halo client: Halo's `search` filter, every page. */
import type { HaloClient } from "../../halo/client";
import { listEntities } from "../../halo/entities";
import type { NameListPort } from "./idLookup";

export function haloNameListPort(client: Pick<HaloClient, "request">): NameListPort {
  return {
    async list(entity, search) {
      const query = search === undefined ? {} : { search };
      return (await listEntities(client, entity, { query })).rows;
    },
  };
}
