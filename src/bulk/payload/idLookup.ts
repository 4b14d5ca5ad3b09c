/**
 * Names -> ids for =HALO.ID, batched and cached. Excel calls the function once per cell, often
 * thousands of times in one recalculation; lookups that arrive within a short window are answered
 * together: a few names are searched one by one, many names load the entity's whole list once.
 * Answers are kept for the session (until the resolver is dropped on sign-out or a new sign-in).
 */
import { fieldTable } from "./entityFields";
import type { HaloObject } from "./types";

/** What the resolver needs from Halo. */
export interface NameListPort {
  /** Every record of the entity (all pages) matching Halo's `search` filter, or every record when search is undefined. */
  list(entity: string, search: string | undefined): Promise<HaloObject[]>;
}

export type IdLookupErrorKind = "NotFound" | "Ambiguous" | "Input" | "NotSignedIn" | "Halo";

export class IdLookupError extends Error {
  readonly kind: IdLookupErrorKind;
  constructor(kind: IdLookupErrorKind, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "IdLookupError";
    this.kind = kind;
  }
}

export interface IdResolverOptions {
  /** How long lookups are gathered before Halo is asked, in ms. Default 20. */
  gatherMs?: number;
  /** Up to this many distinct names per entity are searched one by one; beyond it the whole list is loaded once. Default 5. */
  searchLimit?: number;
  /** Timer (injected in tests). Default setTimeout. */
  schedule?: (run: () => void, ms: number) => void;
}

/** The field holding a record's name, by entity: most have `name`; tickets have `summary`. */
const NAME_FIELDS = ["name", "summary", "title"];

interface EntityState {
  entity: string;
  nameField: string;
  /** Lower-cased trimmed name -> ids with that name. */
  answers: Map<string, Promise<number[]>>;
  /** The whole list, indexed, once loaded. */
  fullIndex?: Promise<Map<string, number[]>>;
  searchedNames: number;
  pending: Map<string, { name: string; resolve: (ids: number[]) => void; reject: (error: unknown) => void }>;
  scheduled: boolean;
}

const nameKey = (name: string): string => name.trim().toLowerCase();

function indexRecords(records: HaloObject[], nameField: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const record of records) {
    const name = record[nameField];
    const id = record.id;
    if (typeof name !== "string" || typeof id !== "number") continue;
    const key = nameKey(name);
    const ids = index.get(key);
    if (ids === undefined) index.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }
  return index;
}

export class IdResolver {
  private readonly entities = new Map<string, EntityState>();
  private readonly gatherMs: number;
  private readonly searchLimit: number;
  private readonly schedule: (run: () => void, ms: number) => void;

  constructor(
    private readonly port: NameListPort,
    options: IdResolverOptions = {},
  ) {
    this.gatherMs = options.gatherMs ?? 20;
    this.searchLimit = options.searchLimit ?? 5;
    this.schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
  }

  /** The id of the one record of `entity` named `name` (case-insensitive, trimmed). */
  async resolve(entity: string, name: string): Promise<number> {
    const state = this.stateFor(entity);
    const key = nameKey(name);
    if (key === "") throw new IdLookupError("Input", "the name is blank");
    let answer = state.answers.get(key);
    if (answer === undefined) {
      answer = new Promise<number[]>((resolve, reject) =>
        state.pending.set(key, { name: name.trim(), resolve, reject }),
      );
      state.answers.set(key, answer);
      answer.catch(() => state.answers.delete(key)); // a failed lookup is asked again next time
      if (!state.scheduled) {
        state.scheduled = true;
        this.schedule(() => void this.flush(state), this.gatherMs);
      }
    }
    const ids = await answer;
    const label = `${state.entity} named "${name.trim()}"`;
    if (ids.length === 0) throw new IdLookupError("NotFound", `No ${label}.`);
    if (ids.length > 1)
      throw new IdLookupError(
        "Ambiguous",
        `${ids.length} records: ${label} (ids ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", ..." : ""}). Use the id.`,
      );
    return ids[0]!;
  }

  private stateFor(entity: string): EntityState {
    const table = fieldTable(entity); // throws PayloadError("Input") naming the known entities
    let state = this.entities.get(table.entity);
    if (state === undefined) {
      const nameField = NAME_FIELDS.find((field) => table.byLowerName.has(field));
      if (nameField === undefined)
        throw new IdLookupError("Input", `${table.entity} records have no name to look up.`);
      state = {
        entity: table.entity,
        nameField,
        answers: new Map(),
        searchedNames: 0,
        pending: new Map(),
        scheduled: false,
      };
      this.entities.set(table.entity, state);
    }
    return state;
  }

  private async flush(state: EntityState): Promise<void> {
    const batch = [...state.pending];
    state.pending.clear();
    state.scheduled = false;
    const useWholeList =
      state.fullIndex !== undefined || state.searchedNames + batch.length > this.searchLimit;
    if (useWholeList) {
      state.fullIndex ??= this.port
        .list(state.entity, undefined)
        .then((records) => indexRecords(records, state.nameField));
      const loading = state.fullIndex;
      loading.catch(() => {
        if (state.fullIndex === loading) state.fullIndex = undefined;
      });
      await Promise.all(
        batch.map(async ([key, waiter]) => {
          try {
            waiter.resolve((await loading).get(key) ?? []);
          } catch (error) {
            waiter.reject(this.haloFailure(state, error));
          }
        }),
      );
      return;
    }
    state.searchedNames += batch.length;
    await Promise.all(
      batch.map(async ([key, waiter]) => {
        try {
          const records = await this.port.list(state.entity, waiter.name);
          waiter.resolve(indexRecords(records, state.nameField).get(key) ?? []);
        } catch (error) {
          waiter.reject(this.haloFailure(state, error));
        }
      }),
    );
  }

  private haloFailure(state: EntityState, error: unknown): IdLookupError {
    const reason = error instanceof Error ? error.message : String(error);
    return new IdLookupError("Halo", `Could not read ${state.entity} names from Halo: ${reason}`, error);
  }
}
