/**
 * Which rows may simply be sent again when the answer to their POST was lost (time-out, reset,
 * 500/502/504 after Halo may have saved them). Sending again is safe when a second send leaves
 * Halo as one send would, which holds for a write that sets absolute values. Per entity:
 *
 * - Every entity: an update that sets fields is safe to send again (the same values again).
 * - Every entity: a create is NOT: a second send makes a second record. It is read back first.
 * - Actions: no write is safe to send again. An action is a note on a ticket, and writing one can
 *   e-mail the customer or add to the ticket's history; a second send may do that twice.
 * - Tickets and Opportunities (one Halo model, Faults): a field named `new_*` (new_actioncode,
 *   new_external_link, new_related_tickets, new_approvalprocess...) or `_create*` adds something to
 *   the ticket on every send, so an update carrying one is NOT safe to send again.
 * - Any entity: a field starting with `_send` (e.g. `_sendemail`) sends something on every save: NOT safe.
 * - A server-side dry run (validate-only) saves nothing, so every row of it is safe to send again.
 *
 * Rows that are not safe are read back after a lost answer; those proven not applied are sent again.
 */
import type { PlannedRow, RunFlags } from "./planTypes";

const NEVER_REPEAT_ENTITIES: ReadonlySet<string> = new Set(["Actions"]);
const APPENDING_FIELDS: Readonly<Record<string, RegExp>> = {
  Tickets: /^(new_|_create)/,
  Opportunities: /^(new_|_create)/,
};
const SENDING_FIELD = /^_send/;

/** A field that adds or sends something on every save: a read cannot show it, a resend repeats it. */
export function isWriteOnlyField(entity: string, field: string): boolean {
  return SENDING_FIELD.test(field) || (APPENDING_FIELDS[entity]?.test(field) ?? false);
}

export function isRepeatSafe(entity: string, row: PlannedRow, flags: RunFlags): boolean {
  if (flags.serverValidate) return true;
  if (row.action !== "update" || NEVER_REPEAT_ENTITIES.has(entity)) return false;
  return Object.keys(row.object ?? {}).every((field) => !isWriteOnlyField(entity, field));
}
