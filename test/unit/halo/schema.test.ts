import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  buildSchemaFile,
  fieldCode,
  mapType,
  OUTPUT_PATH,
  readSpec,
  renderSchemaFile,
} from "../../../scripts/generate-schema";
import { decodeField } from "../../../src/halo/generated/schemaFile";
import { customFieldSchema, entityNames, entitySchema } from "../../../src/halo/schema";
import { HaloError } from "../../../src/halo/errors";

const root = resolve(__dirname, "../../..");
const spec = readSpec(root);

describe("generated entities.json", () => {
  it("equals a fresh build from sandbox/halo-openapi.json (run npm run generate:schema)", () => {
    expect(readFileSync(resolve(root, OUTPUT_PATH), "utf8")).toBe(renderSchemaFile(spec));
  });

  it("lists every main entity of the Halo contract", () => {
    expect(entityNames()).toEqual(
      expect.arrayContaining([
        "Client",
        "Site",
        "Users",
        "Tickets",
        "Actions",
        "Asset",
        "Item",
        "Agent",
        "Supplier",
        "ClientContract",
        "Invoice",
        "Quotation",
        "SalesOrder",
        "Project",
        "Opportunities",
        "KBArticle",
        "Team",
        "Status",
      ]),
    );
  });

  it("reads each entity's model from its POST request body", () => {
    const models = Object.fromEntries(buildSchemaFile(spec).entities.map((e) => [e.entity, e.model]));
    expect(models).toMatchObject({
      Client: "Area",
      Site: "Site",
      Users: "Users",
      Tickets: "Faults",
      Asset: "Device",
      Item: "Item",
      Agent: "Uname",
      Supplier: "Company",
      Project: "Faults",
    });
  });
});

describe("OpenAPI type mapping", () => {
  it.each([
    [{ type: "integer", format: "int32" }, "integer"],
    [{ type: "integer", format: "int64", nullable: true }, "integer?"],
    [{ type: "number", format: "double" }, "number"],
    [{ type: "boolean", nullable: true }, "boolean?"],
    [{ type: "string", format: "date-time", nullable: true }, "datetime?"],
    [{ type: "string", format: "uuid" }, "string"],
    [
      { type: "array", items: { $ref: "#/components/schemas/CustomField" }, nullable: true },
      "array[object]:CustomField?",
    ],
    [{ type: "array", items: { type: "integer", format: "int32" } }, "array[integer]"],
    [{ $ref: "#/components/schemas/AddressStore" }, "object:AddressStore"],
    [{ type: "object", additionalProperties: { type: "string" }, nullable: true }, "object?"],
    [{ nullable: true }, "string?"],
  ])("%j -> %s", (schema, code) => {
    expect(fieldCode(schema)).toBe(code);
  });

  it("maps a date-time string to datetime but other strings to string", () => {
    expect(mapType({ type: "string", format: "date-time" })).toBe("datetime");
    expect(mapType({ type: "string", format: "date-span" })).toBe("string");
  });

  it("decodes codes back into FieldSchema", () => {
    expect(decodeField("array[object]:CustomField?")).toEqual({
      type: "array",
      itemType: "object",
      ref: "CustomField",
      nullable: true,
    });
    expect(decodeField("integer")).toEqual({ type: "integer", nullable: false });
    expect(() => decodeField("float")).toThrow(/Bad field code/);
  });

  it("gives real entity fields the spec's types", () => {
    const client = entitySchema("Client");
    expect(client.fields.id).toEqual({ type: "integer", nullable: false });
    expect(client.fields.name).toEqual({ type: "string", nullable: true });
    expect(client.fields.inactive).toEqual({ type: "boolean", nullable: true });
    expect(client.fields.customfields).toEqual({
      type: "array",
      itemType: "object",
      ref: "CustomField",
      nullable: true,
    });
    expect(entitySchema("Tickets").fields.dateoccurred).toEqual({ type: "datetime", nullable: true });
  });
});

describe("control flags per entity", () => {
  it.each([
    ["Client", { dontFireAutomations: "_dont_fire_automations" }],
    ["Site", { dontFireAutomations: "_dont_fire_automations" }],
    ["Users", { dontFireAutomations: "_dont_fire_automations" }],
    ["Asset", { dontFireAutomations: "_dont_fire_automations", validateOnly: "_validateonly" }],
    ["Tickets", { dontFireAutomations: "dont_do_rules", validateOnly: "_validate_only" }],
    ["Item", {}],
    ["Supplier", {}],
    ["Agent", {}],
    ["Status", {}],
  ])("%s has flags %j", (entity, flags) => {
    expect(entitySchema(entity).flags).toEqual(flags);
  });

  it("only names flags the model really has", () => {
    for (const name of entityNames()) {
      const schema = entitySchema(name);
      for (const flag of Object.values(schema.flags)) expect(schema.fields).toHaveProperty([flag]);
    }
  });
});

describe("entitySchema lookup", () => {
  it("is case-insensitive and accepts the path name", () => {
    expect(entitySchema("client").model).toBe("Area");
    expect(entitySchema("Projects").entity).toBe("Project");
    expect(entitySchema("Project").path).toBe("/Projects");
    expect(entitySchema("Client").wrapper).toBe("clients");
  });

  it("throws a Config HaloError naming the known entities", () => {
    let caught: unknown;
    try {
      entitySchema("Widget");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HaloError);
    expect((caught as HaloError).kind).toBe("Config");
    expect((caught as HaloError).message).toMatch(/Widget.*Client, Site, Users/);
  });

  it("describes the CustomField item model", () => {
    const cf = customFieldSchema();
    expect(cf.id).toEqual({ type: "integer", nullable: false });
    expect(cf.name).toEqual({ type: "string", nullable: true });
    expect(cf.value).toEqual({ type: "string", nullable: true });
  });
});
