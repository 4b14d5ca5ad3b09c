/**
 * The sandbox's entities against Halo's OpenAPI file, read here independently of src/halo/schema:
 * every field the sandbox returns must be a property of the entity's POST model, with the JSON type
 * the OpenAPI file gives it; customfields items must be CustomField properties.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { api, useSandbox } from "./sandboxHttp";

interface OpenApiProperty {
  type?: string;
  format?: string;
  $ref?: string;
  allOf?: OpenApiProperty[];
}
interface OpenApi {
  paths: Record<
    string,
    { post?: { requestBody?: { content: Record<string, { schema: { items?: { $ref?: string } } }> } } }
  >;
  components: { schemas: Record<string, { properties?: Record<string, OpenApiProperty> }> };
}

const spec = JSON.parse(
  readFileSync(path.join(__dirname, "../../sandbox/halo-openapi.json"), "utf8"),
) as OpenApi;

function modelOf(entityPath: string): string {
  const content = spec.paths[entityPath]?.post?.requestBody?.content ?? {};
  const ref = Object.values(content)[0]?.schema.items?.$ref ?? "";
  return ref.split("/").pop() ?? "";
}

function typeProblem(property: OpenApiProperty, value: unknown): string | undefined {
  if (value === null) return undefined;
  if (property.$ref !== undefined || property.allOf !== undefined) {
    return typeof value === "object" && !Array.isArray(value) ? undefined : "expected an object";
  }
  switch (property.type) {
    case "integer":
      return Number.isInteger(value) ? undefined : "expected an integer";
    case "number":
      return typeof value === "number" ? undefined : "expected a number";
    case "boolean":
      return typeof value === "boolean" ? undefined : "expected a boolean";
    case "array":
      return Array.isArray(value) ? undefined : "expected an array";
    case "string":
      if (typeof value !== "string") return "expected a string";
      if (property.format === "date-time" && Number.isNaN(Date.parse(value))) return "expected a date-time";
      return undefined;
    case "object":
      return typeof value === "object" ? undefined : "expected an object";
    default:
      return undefined;
  }
}

function problems(model: string, record: Record<string, unknown>): string[] {
  const properties = spec.components.schemas[model]?.properties ?? {};
  const found: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    const property = properties[name];
    if (property === undefined) {
      found.push(`${model}.${name} is not in the OpenAPI model`);
      continue;
    }
    const problem = typeProblem(property, value);
    if (problem !== undefined) found.push(`${model}.${name}=${JSON.stringify(value)}: ${problem}`);
  }
  return found;
}

const ENTITIES: [string, string][] = [
  ["Client", "clients"],
  ["Site", "sites"],
  ["Users", "users"],
  ["Tickets", "tickets"],
  ["Asset", "assets"],
  ["Item", "items"],
  ["Agent", "agents"],
  ["Supplier", "suppliers"],
];

const fixture = useSandbox({});

describe("sandbox entities match Halo's OpenAPI schemas", () => {
  it.each(ENTITIES)("%s: list wrapper %s, and every field's name and type", async (entity, wrapper) => {
    const model = modelOf(`/${entity}`);
    expect(model).not.toBe("");
    const list = await api(
      fixture.sandbox,
      fixture.token,
      "GET",
      `/${entity}?pageinate=true&page_size=20&page_no=1`,
    );
    expect(list.status).toBe(200);
    const body = list.json<Record<string, unknown>>();
    const rows = body[wrapper] as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(typeof body.record_count).toBe("number");
    const found = rows.flatMap((row) => problems(model, row));

    const one = await api(
      fixture.sandbox,
      fixture.token,
      "GET",
      `/${entity}/${String(rows[0].id)}?includedetails=true`,
    );
    expect(one.status).toBe(200);
    const record = one.json<Record<string, unknown>>();
    found.push(...problems(model, record));
    expect(Object.keys(record).length).toBeGreaterThan(3);
    if (Array.isArray(record.customfields)) {
      for (const field of record.customfields as Record<string, unknown>[])
        found.push(...problems("CustomField", field));
    }
    expect(found).toEqual([]);
  });

  it("round-trips a value of every scalar type the Client model has", async () => {
    const sent = {
      id: 3,
      name: "Typed Ltd",
      item_tax_code: 2,
      inactive: false,
      calldate: "2026-02-03T04:05:06Z",
    };
    const saved = await api(fixture.sandbox, fixture.token, "POST", "/Client", [sent]);
    expect(saved.status).toBe(200);
    expect(saved.json()).toMatchObject(sent);
    expect(problems("Area", saved.json())).toEqual([]);
  });
});
