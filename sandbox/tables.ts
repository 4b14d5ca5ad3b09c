/**
 * Creates the SQLite tables from the entity schemas: one table per Halo model (Area, Site, Users,
 * Faults, Device, Item, Uname, Company, ...) with one column per schema field, named as in the API.
 * Reports query these tables, so `SELECT id, name, item_tax_code FROM Area` works as the API reads.
 */
import { createFieldInfoTable } from "./customFields";
import { quoteIdent, type Database } from "./database";
import { columnFields, servedModels, sqlType } from "./schema";

export function createTables(db: Database): void {
  for (const [model, schema] of servedModels()) {
    const columns = columnFields(schema).map(([name, field]) =>
      name === "id" ? `"id" INTEGER PRIMARY KEY` : `${quoteIdent(name)} ${sqlType(field.type)}`,
    );
    if (!("id" in schema.fields)) columns.unshift(`"id" INTEGER PRIMARY KEY`);
    db.run(`CREATE TABLE IF NOT EXISTS ${quoteIdent(model)} (${columns.join(", ")})`);
  }
  // Tax codes (Halo's Tax model: id, name, code, value) are lookups for Item.taxcode and Area.item_tax_code.
  db.run(`CREATE TABLE IF NOT EXISTS Tax (id INTEGER PRIMARY KEY, name TEXT, code TEXT, value REAL)`);
  createFieldInfoTable(db);
  db.run(`CREATE TABLE IF NOT EXISTS AnalyzerProfile (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT, sql TEXT NOT NULL, reportgroup_name TEXT,
    hidden_columns TEXT, is_published INTEGER NOT NULL DEFAULT 0, published_id TEXT)`);
}

/** Denormalised names Halo returns beside an id (client_id -> client_name), refreshed on every write. */
export const NAME_LOOKUPS: readonly { idColumn: string; nameColumn: string; table: string }[] = [
  { idColumn: "client_id", nameColumn: "client_name", table: "Area" },
  { idColumn: "site_id", nameColumn: "site_name", table: "Site" },
  { idColumn: "user_id", nameColumn: "user_name", table: "Users" },
  { idColumn: "agent_id", nameColumn: "agent_name", table: "Uname" },
  { idColumn: "supplier_id", nameColumn: "supplier_name", table: "Company" },
  { idColumn: "taxcode", nameColumn: "taxcode_name", table: "Tax" },
];
