import { openDatabase, queryRows, type Database } from "../../../sandbox/database";
import { CLIENTS_PER_SEED, DEMO_CUSTOM_FIELDS, seedDemoData } from "../../../sandbox/seed";
import { createTables } from "../../../sandbox/tables";

async function seeded(seed: number): Promise<Database> {
  const { db } = await openDatabase();
  createTables(db);
  seedDemoData(db, seed);
  return db;
}

describe("demo seed", () => {
  it("is deterministic for a seed and scales with it", async () => {
    const [a, b, c] = await Promise.all([seeded(1), seeded(1), seeded(2)]);
    const dump = (db: Database): unknown[] => queryRows(db, "SELECT * FROM Area ORDER BY id");
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)).toHaveLength(CLIENTS_PER_SEED);
    expect(dump(c)).toHaveLength(2 * CLIENTS_PER_SEED);
    expect(queryRows(c, "SELECT name FROM Area WHERE id = 1")).not.toEqual(
      queryRows(a, "SELECT name FROM Area WHERE id = 1"),
    );
    [a, b, c].forEach((db) => db.close());
  });

  it("looks like a real instance: related sites, users, assets, tickets, tax codes and custom fields", async () => {
    const db = await seeded(1);
    const count = (sql: string): number => Number(queryRows(db, sql)[0].n);
    expect(count("SELECT COUNT(*) AS n FROM Site WHERE client_id NOT IN (SELECT id FROM Area)")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM Users u JOIN Site s ON s.id = u.site_id")).toBe(
      4 * CLIENTS_PER_SEED,
    );
    expect(count("SELECT COUNT(*) AS n FROM Device WHERE client_name IS NULL")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM Faults")).toBe(2 * CLIENTS_PER_SEED);
    expect(count("SELECT COUNT(DISTINCT item_tax_code) AS n FROM Area")).toBeGreaterThanOrEqual(4);
    expect(count("SELECT COUNT(*) AS n FROM Item WHERE taxcode NOT IN (SELECT id FROM Tax)")).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM Area WHERE CFContractRef LIKE 'C-%'")).toBeGreaterThan(150);
    expect(count("SELECT COUNT(*) AS n FROM FieldInfo")).toBe(DEMO_CUSTOM_FIELDS.length);
    expect(count("SELECT COUNT(*) AS n FROM AnalyzerProfile WHERE name = 'Clients with tax code'")).toBe(1);
    db.close();
  });

  it("seeds only reference data at seed 0", async () => {
    const db = await seeded(0);
    expect(queryRows(db, "SELECT COUNT(*) AS n FROM Area")[0].n).toBe(0);
    expect(queryRows(db, "SELECT COUNT(*) AS n FROM Tax")[0].n).toBe(5);
    db.close();
  });
});
