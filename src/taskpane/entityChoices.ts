/** The entities the pane offers (Pull, Fields): those admins use most first, the rest of the schema after. */
import { entityNames } from "../halo";

const FIRST_ENTITIES = ["Client", "Site", "Users", "Asset", "Item", "Tickets", "Supplier", "Agent"];

export function entityChoices(): string[] {
  const all = entityNames();
  return [
    ...FIRST_ENTITIES.filter((e) => all.includes(e)),
    ...all.filter((e) => !FIRST_ENTITIES.includes(e)),
  ];
}
