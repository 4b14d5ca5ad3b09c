/**
 * Custom fields as Halo keeps them: a definition list (table FieldInfo) and, per entity table, one
 * column per field named like the field (CFContractRef). The API shows them as the `customfields` array.
 */
import { isoDateTime } from "./dates";
import { queryRows, quoteIdent, type Database, type SqlValue } from "./database";

export type CustomFieldKind = "text" | "integer" | "decimal" | "date";

export interface CustomFieldDefinition {
  id: number;
  name: string;
  label: string;
  /** Halo model whose table holds the column ("Area" for Client). */
  model: string;
  kind: CustomFieldKind;
}

/** Halo's numeric custom field type codes, shown as `type` in the customfields array. */
const TYPE_CODE: Record<CustomFieldKind, number> = { text: 0, integer: 5, decimal: 6, date: 3 };

/**
 * Entities whose POST replaces the whole customfields list (fields left out are cleared); the others
 * merge (fields left out keep their value). Halo documents that "some entities replace the whole list".
 */
export const REPLACES_CUSTOMFIELDS: ReadonlySet<string> = new Set(["Site", "Asset"]);

export function createFieldInfoTable(db: Database): void {
  db.run(`CREATE TABLE IF NOT EXISTS FieldInfo (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, model TEXT NOT NULL, kind TEXT NOT NULL)`);
}

export function defineCustomField(db: Database, field: CustomFieldDefinition): void {
  db.run("INSERT INTO FieldInfo (id, name, label, model, kind) VALUES (?, ?, ?, ?, ?)", [
    field.id,
    field.name,
    field.label,
    field.model,
    field.kind,
  ]);
  const type = field.kind === "integer" ? "INTEGER" : field.kind === "decimal" ? "REAL" : "TEXT";
  db.run(`ALTER TABLE ${quoteIdent(field.model)} ADD COLUMN ${quoteIdent(field.name)} ${type}`);
}

function isKind(value: SqlValue): value is CustomFieldKind {
  return value === "text" || value === "integer" || value === "decimal" || value === "date";
}

export function customFieldsOf(db: Database, model: string): CustomFieldDefinition[] {
  return queryRows(db, "SELECT id, name, label, model, kind FROM FieldInfo WHERE model = ? ORDER BY id", [
    model,
  ]).map((row) => ({
    id: Number(row.id),
    name: String(row.name),
    label: String(row.label),
    model: String(row.model),
    kind: isKind(row.kind) ? row.kind : "text",
  }));
}

/** The `customfields` array of one record, every defined field included (value null when unset). */
export function customFieldsArray(
  definitions: CustomFieldDefinition[],
  row: Record<string, SqlValue>,
): object[] {
  return definitions.map((field) => {
    const value = row[field.name] ?? null;
    return {
      id: field.id,
      name: field.name,
      label: field.label,
      type: TYPE_CODE[field.kind],
      value,
      display: value === null ? "" : String(value),
    };
  });
}

/** A custom field value to store, or an error text in Halo's words. */
export function customFieldValue(field: CustomFieldDefinition, value: unknown): SqlValue | { error: string } {
  if (value === null || value === undefined || value === "") return null;
  switch (field.kind) {
    case "text":
      return typeof value === "object"
        ? { error: `Invalid value for custom field ${field.name}.` }
        : String(value);
    case "integer":
    case "decimal": {
      const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
      if (!Number.isFinite(n) || (field.kind === "integer" && !Number.isInteger(n))) {
        return {
          error: `Invalid value '${String(value)}' for custom field ${field.name}: a number is required.`,
        };
      }
      return n;
    }
    case "date": {
      const time = typeof value === "string" ? Date.parse(value) : NaN;
      if (Number.isNaN(time))
        return { error: `Invalid date '${String(value)}' for custom field ${field.name}.` };
      return isoDateTime(time);
    }
  }
}
