import { openDatabase, type Database } from "../../../sandbox/database";
import { SandboxHttpError } from "../../../sandbox/http";
import { parseJsonBody, preparePost, requireArray } from "../../../sandbox/postBody";
import { findEntity, type EntitySchema } from "../../../sandbox/schema";
import { seedDemoData } from "../../../sandbox/seed";
import { createTables } from "../../../sandbox/tables";

let db: Database;
const schema = (name: string): EntitySchema => {
  const found = findEntity(name);
  if (found === undefined) throw new Error(name);
  return found;
};

beforeAll(async () => {
  ({ db } = await openDatabase());
  createTables(db);
  seedDemoData(db, 0);
});
afterAll(() => db.close());

function rejection(fn: () => unknown): { status: number; body: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxHttpError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error("expected a SandboxHttpError");
}

describe("POST body reading", () => {
  it("gives Newtonsoft's message with line and position for malformed JSON", () => {
    expect(rejection(() => parseJsonBody('[\n  {"id": x}]'))).toEqual({
      status: 400,
      body: "Unexpected character encountered while parsing value: x. Path '', line 2, position 10.",
    });
    expect(rejection(() => parseJsonBody("  ")).body).toBe("A non-empty request body is required.");
  });

  it("requires an array", () => {
    expect(requireArray([1], "Area")).toEqual([1]);
    expect(String(rejection(() => requireArray({ id: 1 }, "Area")).body)).toMatch(
      /^Cannot deserialize the current JSON object .*List`1\[HaloModels\.Area\]/,
    );
    expect(String(rejection(() => requireArray("x", "Area")).body)).toContain("primitive value");
  });

  it("splits each object into id, columns and custom fields; ignores unknown fields and custom fields", () => {
    const { writes, validateOnly } = preparePost(db, schema("Client"), [
      {
        id: 7,
        name: "A",
        inactive: "true",
        nonsense: 1,
        customfields: [
          { id: 145, value: "C-1" },
          { id: 9999, value: "x" },
        ],
      },
      { id: 0, name: "New" },
      { id: -1, name: "New too", _dont_fire_automations: true },
    ]);
    expect(validateOnly).toBe(false);
    expect(writes).toEqual([
      {
        id: 7,
        columns: { name: "A", inactive: 1 },
        customFields: { CFContractRef: "C-1" },
        sentCustomFields: true,
      },
      { columns: { name: "New" }, customFields: {}, sentCustomFields: false },
      { columns: { name: "New too" }, customFields: {}, sentCustomFields: false },
    ]);
  });

  it("checks custom field values by their kind", () => {
    const prepared = preparePost(db, schema("Site"), [
      { id: 1, customfields: [{ name: "CFFloorCount", value: "3" }] },
    ]);
    expect(prepared.writes[0].customFields).toEqual({ CFFloorCount: 3 });
    expect(
      rejection(() =>
        preparePost(db, schema("Site"), [{ id: 1, customfields: [{ name: "CFFloorCount", value: "many" }] }]),
      ).status,
    ).toBe(400);
  });

  it("sees the entity's own validate-only flag, and only that one", () => {
    expect(preparePost(db, schema("Tickets"), [{ id: 1, _validate_only: true }]).validateOnly).toBe(true);
    expect(preparePost(db, schema("Asset"), [{ id: 1, _validateonly: true }]).validateOnly).toBe(true);
    expect(preparePost(db, schema("Client"), [{ id: 1, _validate_only: true }]).validateOnly).toBe(false);
  });
});
