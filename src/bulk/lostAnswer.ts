/**
 * Settling rows that are not safe to send again (repeatSafety.ts) after the answer to their POST was
 * lost: read them back in as few requests as Halo allows and say, per row, whether Halo applied it,
 * provably did not (then the run sends it again), or cannot be known.
 *
 * - Updates: the records by id (one list request per 100 where the entity has an id-list filter,
 *   else one GET each). Applied when every readable field sent holds the value sent; not applied
 *   when none does and each holds its old value (when the old value is known).
 * - Creates: the entity's newest records in one request. A POST is saved whole or not at all, and
 *   Halo gives new records rising ids, so the records a lost create batch made are among the newest,
 *   in the order sent. Applied when a new record holds every plain field of the row; not applied
 *   when none of the batch's creates is found; partial matches are not guessed at.
 */
import { failureMessage } from "./failure";
import type { HaloPort, PortCall } from "./haloPort";
import type { HaloObject } from "./payload";
import type { PlannedRow } from "./planTypes";
import { matches } from "./sameValue";

export type LostOutcome =
  | { kind: "applied"; id?: number; record: HaloObject }
  | { kind: "unapplied" }
  | { kind: "unknown"; why: string };

export interface LostRow {
  row: PlannedRow;
  /** What was sent (custom fields merged, without the run's flag fields). */
  object: HaloObject;
  before?: HaloObject;
}

export interface ReadBackContext {
  port: HaloPort;
  entity: string;
  /** Fields that steer the write, not data (the run's flags). */
  flagFields: HaloObject;
  /** Fields whose effect a read cannot show (they add something rather than set a value). */
  writeOnly: (field: string) => boolean;
  /** Records this run created already: never taken for another row's lost create. */
  createdIds: ReadonlySet<number>;
  call: PortCall;
}

/** Newest records read per lost create beyond the batch's own, for records others create meanwhile. */
const NEWEST_SLACK = 20;

function comparable(object: HaloObject, context: ReadBackContext, plainOnly: boolean): [string, unknown][] {
  return Object.entries(object).filter(
    ([field, value]) =>
      field !== "id" &&
      !(field in context.flagFields) &&
      !context.writeOnly(field) &&
      !(plainOnly && typeof value === "object" && value !== null),
  );
}

function holdsAll(record: HaloObject, fields: [string, unknown][]): boolean {
  return fields.every(([field, value]) => matches(value, record[field] ?? null));
}

function updateOutcome(lost: LostRow, record: HaloObject | undefined, context: ReadBackContext): LostOutcome {
  if (record === undefined) return { kind: "unknown", why: `record ${lost.row.id} could not be found` };
  // A field whose old value is the value sent tells nothing either way.
  const fields = comparable(lost.object, context, false).filter(
    ([field, value]) => lost.before === undefined || !matches(value, lost.before[field] ?? null),
  );
  if (fields.length === 0) return { kind: "unknown", why: "no field of it can be read back" };
  if (holdsAll(record, fields)) return { kind: "applied", id: lost.row.id, record };
  const noneTaken = fields.every(([field, value]) => !matches(value, record[field] ?? null));
  const holdsOld =
    lost.before === undefined ||
    fields.every(([field]) => matches(lost.before?.[field] ?? null, record[field] ?? null));
  if (noneTaken && holdsOld) return { kind: "unapplied" };
  return { kind: "unknown", why: "reading it back shows only part of the change" };
}

async function settleUpdates(rows: LostRow[], context: ReadBackContext): Promise<LostOutcome[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.row.id as number);
  const needDetails = rows.some((r) =>
    Object.values(r.object).some((value) => typeof value === "object" && value !== null),
  );
  const { port, entity, call } = context;
  let records: Map<number, HaloObject>;
  if (port.getMany) records = await port.getMany(entity, ids, { ...call, needDetails });
  else {
    records = new Map();
    for (const id of ids) records.set(id, await port.get(entity, id, call));
  }
  return rows.map((lost) => updateOutcome(lost, records.get(lost.row.id as number), context));
}

async function settleCreates(rows: LostRow[], context: ReadBackContext): Promise<LostOutcome[]> {
  if (rows.length === 0) return [];
  const newest = await context.port.newest?.(context.entity, rows.length + NEWEST_SLACK, context.call);
  if (newest === undefined)
    return rows.map(() => ({
      kind: "unknown",
      why: `${context.entity} records cannot be listed newest first`,
    }));
  const candidates = newest
    .filter((record) => !context.createdIds.has(Number(record.id)))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const found: (HaloObject | undefined)[] = [];
  let from = 0;
  for (const lost of rows) {
    const fields = comparable(lost.object, context, true);
    const at = fields.length === 0 ? -1 : candidates.findIndex((r, i) => i >= from && holdsAll(r, fields));
    found.push(at >= 0 ? candidates[at] : undefined);
    if (at >= 0) from = at + 1;
  }
  const none = found.every((record) => record === undefined);
  return rows.map((lost, i) => {
    const record = found[i];
    if (record !== undefined) return { kind: "applied", id: Number(record.id), record };
    if (none && comparable(lost.object, context, true).length > 0) return { kind: "unapplied" };
    return { kind: "unknown", why: "no new record holds its values, though others of its batch were saved" };
  });
}

/** One outcome per row, in order. A failed read makes its rows unknown, saying why. */
export async function settleLostRows(rows: LostRow[], context: ReadBackContext): Promise<LostOutcome[]> {
  const creates = rows.filter((r) => r.row.action === "create");
  const updates = rows.filter((r) => r.row.action !== "create");
  const read = async (group: LostRow[], settle: typeof settleUpdates): Promise<LostOutcome[]> => {
    try {
      return await settle(group, context);
    } catch (error) {
      return group.map(() => ({ kind: "unknown", why: `reading it back failed: ${failureMessage(error)}` }));
    }
  };
  const byRow = new Map<LostRow, LostOutcome>();
  const [created, updated] = [await read(creates, settleCreates), await read(updates, settleUpdates)];
  creates.forEach((r, i) => byRow.set(r, created[i]));
  updates.forEach((r, i) => byRow.set(r, updated[i]));
  return rows.map((r) => byRow.get(r) as LostOutcome);
}
