/**
 * Headers -> column plans: where each column's value goes in the object and how it is typed.
 * Compiled once per (entity, headers) and cached, so a sheet of PAYLOAD formulas sharing one header
 * row compiles it once, not once per cell.
 */
import type { FieldType } from "../../halo";
import { fieldTable, type FieldTable } from "./entityFields";
import { didYouMean } from "./suggest";
import type { ProblemKind } from "./types";

export type ColumnTarget =
  | { kind: "field"; path: readonly string[] }
  | { kind: "customField"; key: { id: number } | { name: string } }
  | { kind: "ignored" };

export interface ColumnPlan {
  header: string;
  target: ColumnTarget;
  /** `name[]`: the cell is a delimited list. */
  split: boolean;
  /** Type of the value (of each item when split); undefined keeps Excel's type. */
  type?: FieldType;
  /** Whether the clear marker (null) is allowed. */
  nullable: boolean;
  /** A problem every non-blank cell of this column has (unknown field, bad header). */
  problem?: { kind: ProblemKind; message: string };
}

export interface HeaderPlan {
  columns: readonly ColumnPlan[];
  /** Where custom fields go: the entity's own spelling, "customfields" without an entity. */
  customFieldsKey: string;
  /** Index of the `id` column, or -1. */
  idColumn: number;
}

const CUSTOM_FIELDS_PREFIX = "customfields.";
const SPLIT_SUFFIX = "[]";

function describeType(type: FieldType): string {
  return type === "datetime" ? "date" : type;
}

function fieldColumn(
  header: string,
  path: string[],
  split: boolean,
  table: FieldTable | undefined,
): ColumnPlan {
  const column: ColumnPlan = { header, target: { kind: "field", path }, split, nullable: true };
  const top = path[0]!;
  if (path.length === 1 && top.toLowerCase() === "id") {
    column.target = { kind: "field", path: ["id"] };
    column.type = "integer";
    column.nullable = false;
  }
  if (table === undefined) return column;

  const known = table.byLowerName.get(top.toLowerCase());
  if (known === undefined) {
    column.problem = {
      kind: "UnknownField",
      message: `${table.entity} has no field "${top}".${didYouMean(top, table.names)}`,
    };
    return column;
  }
  column.target = { kind: "field", path: [known.name, ...path.slice(1)] };
  if (path.length > 1) {
    // Halo's file does not describe the sub-objects' fields: their values keep Excel's type.
    if (known.schema.type !== "object")
      column.problem = {
        kind: "Header",
        message: `"${header}": ${known.name} is a ${describeType(known.schema.type)} field, it has no sub-fields.`,
      };
    return column;
  }
  if (split) {
    if (known.schema.type !== "array")
      column.problem = {
        kind: "Header",
        message: `"${header}": "[]" splits a cell into a list, but ${known.name} is a ${describeType(known.schema.type)} field.`,
      };
    column.type = known.schema.itemType === "object" ? undefined : known.schema.itemType;
  } else {
    column.type = known.schema.type;
  }
  column.nullable = known.schema.nullable;
  return column;
}

function customFieldColumn(
  header: string,
  name: string,
  split: boolean,
  table: FieldTable | undefined,
): ColumnPlan {
  const key = /^\d+$/.test(name) ? { id: Number(name) } : { name };
  const column: ColumnPlan = { header, target: { kind: "customField", key }, split, nullable: true };
  if (name === "") column.problem = { kind: "Header", message: `"${header}" names no custom field.` };
  else if (table !== undefined && table.customFields === undefined)
    column.problem = { kind: "UnknownField", message: `${table.entity} has no custom fields.` };
  return column;
}

function planColumn(rawHeader: string, table: FieldTable | undefined): ColumnPlan {
  const header = rawHeader.trim();
  if (header === "") return { header, target: { kind: "ignored" }, split: false, nullable: true };
  const split = header.endsWith(SPLIT_SUFFIX);
  const name = split ? header.slice(0, -SPLIT_SUFFIX.length).trim() : header;
  if (name.toLowerCase().startsWith(CUSTOM_FIELDS_PREFIX))
    return customFieldColumn(header, name.slice(CUSTOM_FIELDS_PREFIX.length).trim(), split, table);
  const path = name.split(".").map((segment) => segment.trim());
  if (path.some((segment) => segment === ""))
    return {
      header,
      target: { kind: "ignored" },
      split,
      nullable: true,
      problem: { kind: "Header", message: `"${header}" has an empty name between dots.` },
    };
  return fieldColumn(header, path, split, table);
}

const targetKey = (target: ColumnTarget): string =>
  target.kind === "field"
    ? `f:${target.path.join(".")}`
    : target.kind === "customField"
      ? `c:${"id" in target.key ? target.key.id : target.key.name.toLowerCase()}`
      : "";

/** Where a column writes, as a dotted path; custom fields write inside the custom-field list. */
function writtenPath(column: ColumnPlan, customFieldsKey: string): string | undefined {
  if (column.target.kind === "field") return column.target.path.join(".");
  if (column.target.kind === "customField") return `${customFieldsKey}.${targetKey(column.target)}`;
  return undefined;
}

/** Flags columns that write the same place twice, or a value and a part of it (`site` and `site.name`). */
function flagCollisions(columns: ColumnPlan[], customFieldsKey: string): void {
  const seen = new Map<string, string>();
  for (const column of columns) {
    if (column.problem !== undefined || column.target.kind === "ignored") continue;
    const key = targetKey(column.target);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      column.problem = { kind: "Header", message: `"${column.header}" repeats the column "${earlier}".` };
      continue;
    }
    seen.set(key, column.header);
  }
  const written = columns
    .filter((c) => c.problem === undefined)
    .flatMap((column) => {
      const path = writtenPath(column, customFieldsKey);
      return path === undefined ? [] : [{ column, path }];
    });
  for (const { column, path } of written) {
    const parent = written.find((other) => other.column !== column && path.startsWith(`${other.path}.`));
    if (parent !== undefined)
      column.problem = {
        kind: "Header",
        message: `"${column.header}" is inside "${parent.column.header}", which is also a column: keep one of them.`,
      };
  }
}

function compile(headers: readonly string[], entity: string | undefined): HeaderPlan {
  const table = entity === undefined || entity.trim() === "" ? undefined : fieldTable(entity);
  const columns = headers.map((header) => planColumn(header, table));
  const customFieldsKey = table?.customFields ?? "customfields";
  flagCollisions(columns, customFieldsKey);
  return {
    columns,
    customFieldsKey,
    idColumn: columns.findIndex(
      (c) => c.target.kind === "field" && c.target.path.length === 1 && c.target.path[0] === "id",
    ),
  };
}

const CACHE_LIMIT = 64;
const plans = new Map<string, HeaderPlan>();

/** The plan for these headers and entity, from the cache when the same headers were seen before. */
export function headerPlan(headers: readonly string[], entity: string | undefined): HeaderPlan {
  const key = `${(entity ?? "").trim().toLowerCase()}\u0000${headers.join("\u0001")}`;
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = compile(headers, entity);
    if (plans.size >= CACHE_LIMIT) plans.delete(plans.keys().next().value!);
    plans.set(key, plan);
  }
  return plan;
}
