/**
 * Run options from Halo's control flags. A flag is sent only when the entity's schema has it:
 * "don't fire automations / rules" on request, and a validate-only write for a server-side dry
 * run; without one, the dry run is local (checked here, nothing sent).
 */
import type { EntitySchema } from "../halo";
import type { RunFlags } from "./planTypes";

export interface FlagRequest {
  dontFireAutomations?: boolean;
  dryRun?: boolean;
}

export function runFlags(schema: EntitySchema, asked: FlagRequest): RunFlags {
  const flags: RunFlags = {
    objectFields: {},
    dryRun: asked.dryRun ?? false,
    serverValidate: false,
    notes: [],
  };
  if (asked.dontFireAutomations) {
    const flag = schema.flags.dontFireAutomations;
    if (flag) flags.objectFields[flag] = true;
    else
      flags.notes.push(
        `${schema.entity} has no "don't fire automations" flag: Halo's automations and rules will run.`,
      );
  }
  if (flags.dryRun) {
    const flag = schema.flags.validateOnly;
    if (flag) {
      flags.objectFields[flag] = true;
      flags.serverValidate = true;
    } else
      flags.notes.push(
        `${schema.entity} has no validate-only flag: the dry run checks rows here and sends nothing.`,
      );
  }
  return flags;
}
