/** Entity and field names for people choosing them (the Push panel's entity and column mapping). */
import { entityNames as schemaEntityNames } from "../halo";
import { fieldTable } from "./payload/entityFields";

export function entityNames(): string[] {
  return schemaEntityNames();
}

/** The entity's writable field names, sorted, for a column's target. */
export function entityFieldNames(entity: string): string[] {
  return [...fieldTable(entity).names].sort((a, b) => a.localeCompare(b));
}
