/**
 * Entity reads and writes over the SQLite tables, shaped as Halo's API: records with the schema's field
 * names and JSON types, a `customfields` array, and whole-POST atomicity.
 */
import { decodeField } from "./coerce";
import { isoDateTime } from "./dates";
import { customFieldsArray, customFieldsOf, REPLACES_CUSTOMFIELDS } from "./customFields";
import {
  execute,
  inTransaction,
  queryRows,
  quoteIdent,
  type Database,
  type Row,
  type SqlValue,
} from "./database";
import { columnFields, type EntitySchema } from "./schema";
import { NAME_LOOKUPS } from "./tables";

export interface ListOptions {
  search?: string;
  /** Column equality filters (client_id=12) for columns the model has. */
  filters: Record<string, number>;
  /** Only these ids (Halo's `ticketids` on Tickets, `ids` on Team). */
  ids?: number[];
  includeInactive: boolean;
  order?: string;
  orderDesc: boolean;
  limit?: number;
  offset?: number;
}

/** One object of a POST, already checked and converted to column values. */
export interface PreparedWrite {
  /** Undefined for a create. */
  id?: number;
  columns: Record<string, SqlValue>;
  customFields: Record<string, SqlValue>;
  /** Whether `customfields` was sent at all (a replacing entity clears the rest only then). */
  sentCustomFields: boolean;
}

export interface SaveResult {
  records: Record<string, unknown>[];
  created: number;
  updated: number;
}

const SEARCH_COLUMNS = ["name", "summary", "inventory_number", "key_field", "emailaddress"];

export class EntityStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  private readonly columnSets = new Map<EntitySchema, Set<string>>();

  /** The schema's column names (asked for every record written; built once per schema). */
  private columnSet(schema: EntitySchema): Set<string> {
    let columns = this.columnSets.get(schema);
    if (columns === undefined)
      this.columnSets.set(schema, (columns = new Set(columnFields(schema).map(([name]) => name))));
    return columns;
  }

  private where(schema: EntitySchema, options: ListOptions): { sql: string; params: SqlValue[] } {
    const columns = this.columnSet(schema);
    const clauses: string[] = [];
    const params: SqlValue[] = [];
    if (options.search !== undefined && options.search !== "") {
      const searched = SEARCH_COLUMNS.filter((c) => columns.has(c));
      if (searched.length > 0) {
        clauses.push(`(${searched.map((c) => `${quoteIdent(c)} LIKE ?`).join(" OR ")})`);
        for (let i = 0; i < searched.length; i++) params.push(`%${options.search}%`);
      }
    }
    for (const [column, value] of Object.entries(options.filters)) {
      if (!columns.has(column)) continue;
      clauses.push(`${quoteIdent(column)} = ?`);
      params.push(value);
    }
    if (options.ids !== undefined) {
      clauses.push(options.ids.length === 0 ? "0" : `"id" IN (${options.ids.map(() => "?").join(", ")})`);
      params.push(...options.ids);
    }
    if (!options.includeInactive && columns.has("inactive")) clauses.push(`COALESCE("inactive", 0) = 0`);
    return { sql: clauses.length > 0 ? ` WHERE ${clauses.join(" AND ")}` : "", params };
  }

  count(schema: EntitySchema, options: ListOptions): number {
    const { sql, params } = this.where(schema, options);
    const [row] = queryRows(this.db, `SELECT COUNT(*) AS n FROM ${quoteIdent(schema.model)}${sql}`, params);
    return Number(row.n);
  }

  list(schema: EntitySchema, options: ListOptions): Record<string, unknown>[] {
    const { sql, params } = this.where(schema, options);
    const order =
      options.order !== undefined && this.columnSet(schema).has(options.order) ? options.order : "id";
    let query = `SELECT * FROM ${quoteIdent(schema.model)}${sql} ORDER BY ${quoteIdent(order)} ${
      options.orderDesc ? "DESC" : "ASC"
    }, "id" ASC`;
    if (options.limit !== undefined) {
      query += " LIMIT ? OFFSET ?";
      params.push(options.limit, options.offset ?? 0);
    }
    return queryRows(this.db, query, params).map((row) => this.toRecord(schema, row, false));
  }

  get(schema: EntitySchema, id: number, includeDetails: boolean): Record<string, unknown> | undefined {
    const [row] = queryRows(this.db, `SELECT * FROM ${quoteIdent(schema.model)} WHERE "id" = ?`, [id]);
    return row === undefined ? undefined : this.toRecord(schema, row, includeDetails);
  }

  exists(schema: EntitySchema, id: number): boolean {
    return (
      queryRows(this.db, `SELECT 1 AS x FROM ${quoteIdent(schema.model)} WHERE "id" = ?`, [id]).length > 0
    );
  }

  /** Scalar fields always; arrays, objects and customfields only with details (as Halo's includedetails). */
  private toRecord(schema: EntitySchema, row: Row, includeDetails: boolean): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const [name, field] of columnFields(schema)) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      if (!includeDetails && (field.type === "array" || field.type === "object")) continue;
      record[name] = decodeField(field, value);
    }
    if (includeDetails && "customfields" in schema.fields) {
      record.customfields = customFieldsArray(customFieldsOf(this.db, schema.model), row);
    }
    return record;
  }

  /** Applies every write in one transaction; any failure rolls all of them back. */
  save(schema: EntitySchema, writes: PreparedWrite[], commit = true): SaveResult {
    const apply = (): SaveResult => {
      const ids: number[] = [];
      let created = 0;
      for (const write of writes) {
        if (write.id === undefined) {
          ids.push(this.insert(schema, write));
          created += 1;
        } else {
          this.update(schema, write.id, write);
          ids.push(write.id);
        }
        this.refreshNames(schema, ids[ids.length - 1]);
      }
      const records = ids.map((id) => this.get(schema, id, true) ?? { id });
      return { records, created, updated: writes.length - created };
    };
    if (commit) return inTransaction(this.db, apply);
    // Validate-only: run the writes to produce the records Halo would return, then undo them.
    this.db.run("SAVEPOINT validate_only");
    try {
      return apply();
    } finally {
      this.db.run("ROLLBACK TO validate_only");
      this.db.run("RELEASE validate_only");
    }
  }

  private insert(schema: EntitySchema, write: PreparedWrite): number {
    const [row] = queryRows(
      this.db,
      `SELECT COALESCE(MAX("id"), 0) + 1 AS next FROM ${quoteIdent(schema.model)}`,
    );
    const id = Number(row.next);
    const values: Record<string, SqlValue> = { ...write.columns, ...write.customFields, id };
    const columns = this.columnSet(schema);
    if (columns.has("datecreated") && values.datecreated === undefined) {
      values.datecreated = isoDateTime(this.now());
    }
    const names = Object.keys(values);
    execute(
      this.db,
      `INSERT INTO ${quoteIdent(schema.model)} (${names.map(quoteIdent).join(", ")}) VALUES (${names
        .map(() => "?")
        .join(", ")})`,
      names.map((n) => values[n]),
    );
    return id;
  }

  private update(schema: EntitySchema, id: number, write: PreparedWrite): void {
    const values: Record<string, SqlValue> = { ...write.columns };
    if (write.sentCustomFields && REPLACES_CUSTOMFIELDS.has(schema.entity)) {
      for (const field of customFieldsOf(this.db, schema.model)) values[field.name] = null;
    }
    Object.assign(values, write.customFields);
    const names = Object.keys(values);
    if (names.length === 0) return;
    execute(
      this.db,
      `UPDATE ${quoteIdent(schema.model)} SET ${names.map((n) => `${quoteIdent(n)} = ?`).join(", ")} WHERE "id" = ?`,
      [...names.map((n) => values[n]), id],
    );
  }

  private refreshNames(schema: EntitySchema, id: number): void {
    const columns = this.columnSet(schema);
    for (const lookup of NAME_LOOKUPS) {
      if (!columns.has(lookup.idColumn) || !columns.has(lookup.nameColumn)) continue;
      execute(
        this.db,
        `UPDATE ${quoteIdent(schema.model)} SET ${quoteIdent(lookup.nameColumn)} = (SELECT "name" FROM ${quoteIdent(
          lookup.table,
        )} WHERE "id" = ${quoteIdent(schema.model)}.${quoteIdent(lookup.idColumn)}) WHERE "id" = ? AND ${quoteIdent(
          lookup.idColumn,
        )} IS NOT NULL`,
        [id],
      );
    }
  }
}
