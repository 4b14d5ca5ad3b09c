/**
 * Demo data, deterministic from the seed: the seed is both the scale (1 = 250 clients, 2 = 500 ...; 0 = only
 * reference data) and the PRNG seed. Every seeded field must be a schema field (insertRow checks it).
 */
import { defineCustomField, type CustomFieldDefinition } from "./customFields";
import { inTransaction, quoteIdent, type Database, type SqlValue } from "./database";
import { isoDateTime } from "./dates";
import { between, pick, seededRandom, type Random } from "./random";
import { saveReport } from "./reportStore";
import { columnFields, servedModels } from "./schema";
import * as names from "./seedNames";
import { DEMO_REPORTS } from "./seedReports";

export const CLIENTS_PER_SEED = 250;
const AGENT_COUNT = 12;
/** Seeded dates are relative to this fixed day, so the data does not change with the wall clock. */
const BASE_DAY = Date.UTC(2026, 0, 15);
const DAY_MS = 86_400_000;

export const DEMO_CUSTOM_FIELDS: CustomFieldDefinition[] = [
  { id: 145, name: "CFContractRef", label: "Contract Reference", model: "Area", kind: "text" },
  { id: 146, name: "CFAccountTier", label: "Account Tier", model: "Area", kind: "text" },
  { id: 147, name: "CFRenewalDate", label: "Renewal Date", model: "Area", kind: "date" },
  { id: 150, name: "CFSiteCode", label: "Site Code", model: "Site", kind: "text" },
  { id: 151, name: "CFFloorCount", label: "Floors", model: "Site", kind: "integer" },
  { id: 160, name: "CFEmployeeNumber", label: "Employee Number", model: "Users", kind: "text" },
  { id: 170, name: "CFPurchaseOrder", label: "Purchase Order", model: "Device", kind: "text" },
  { id: 171, name: "CFWarrantyProvider", label: "Warranty Provider", model: "Device", kind: "text" },
  { id: 180, name: "CFGLCode", label: "GL Code", model: "Item", kind: "text" },
  { id: 181, name: "CFUnitWeightKg", label: "Unit Weight (kg)", model: "Item", kind: "decimal" },
  { id: 190, name: "CFCustomerPO", label: "Customer PO", model: "Faults", kind: "text" },
  { id: 200, name: "CFAccountNumber", label: "Our Account Number", model: "Company", kind: "text" },
];

class RowWriter {
  private readonly columns = new Map<string, Set<string>>();

  constructor(private readonly db: Database) {
    for (const [model, schema] of servedModels()) {
      this.columns.set(model, new Set(columnFields(schema).map(([name]) => name)));
    }
    for (const field of DEMO_CUSTOM_FIELDS) this.columns.get(field.model)?.add(field.name);
  }

  insert(model: string, row: Record<string, SqlValue>): void {
    const known = this.columns.get(model);
    const unknown = Object.keys(row).filter((name) => !known?.has(name));
    if (unknown.length > 0)
      throw new Error(`Seed data for ${model} has fields missing from the schema: ${unknown}`);
    const fields = Object.keys(row);
    this.db.run(
      `INSERT INTO ${quoteIdent(model)} (${fields.map(quoteIdent).join(", ")}) VALUES (${fields.map(() => "?").join(", ")})`,
      fields.map((f) => row[f]),
    );
  }
}

function daysAgo(random: Random, maxDays: number): string {
  return isoDateTime(BASE_DAY - between(random, 0, maxDays) * DAY_MS - between(random, 0, 86_399) * 1000);
}

function personName(random: Random): { firstname: string; surname: string; name: string } {
  const firstname = pick(random, names.FIRST_NAMES);
  const surname = pick(random, names.SURNAMES);
  return { firstname, surname, name: `${firstname} ${surname}` };
}

function emailPart(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function seedDemoData(db: Database, seed: number): void {
  inTransaction(db, () => {
    for (const field of DEMO_CUSTOM_FIELDS) defineCustomField(db, field);
    const writer = new RowWriter(db);
    for (const tax of names.TAX_CODES) {
      db.run("INSERT INTO Tax (id, name, code, value) VALUES (?, ?, ?, ?)", [
        tax.id,
        tax.name,
        tax.code,
        tax.value,
      ]);
    }
    for (const status of names.TICKET_STATUSES)
      writer.insert("TStatus", { id: status.id, name: status.name });
    for (const report of DEMO_REPORTS) saveReport(db, report);
    if (seed > 0) seedRecords(writer, seed);
  });
}

function seedRecords(writer: RowWriter, seed: number): void {
  const random = seededRandom(seed * 7919 + 17);
  const agents: { id: number; name: string }[] = [];
  for (let id = 1; id <= AGENT_COUNT; id++) {
    const person = personName(random);
    agents.push({ id, name: person.name });
    writer.insert("Uname", {
      id,
      ...person,
      initials: `${person.firstname[0]}${person.surname[0]}`,
      email: `${emailPart(person.firstname)}.${emailPart(person.surname)}@msp.demo.example`,
      team: id <= 8 ? "Service Desk" : "Projects",
      isdisabled: id === AGENT_COUNT ? 1 : 0,
    });
  }
  const suppliers = names.SUPPLIER_NAMES.map((name, i) => ({ id: i + 1, name }));
  for (const supplier of suppliers) {
    const contact = personName(random);
    writer.insert("Company", {
      id: supplier.id,
      name: supplier.name,
      contact_name: contact.name,
      email_address: `orders@${emailPart(supplier.name)}.demo.example`,
      phone_number: `0${between(random, 1000, 9999)} ${between(random, 100000, 999999)}`,
      inactive: 0,
      CFAccountNumber: `ACC-${between(random, 10000, 99999)}`,
    });
  }
  seedItems(writer, random, suppliers);
  seedClients(writer, random, seed, agents, suppliers);
}

function seedItems(writer: RowWriter, random: Random, suppliers: { id: number; name: string }[]): void {
  names.ITEMS.forEach((item, i) => {
    const tax = item.group === "Labour" ? names.TAX_CODES[0] : pick(random, names.TAX_CODES.slice(0, 4));
    const supplier = item.cost > 0 ? pick(random, suppliers) : undefined;
    writer.insert("Item", {
      id: i + 1,
      name: item.name,
      description: item.name,
      baseprice: item.price,
      costprice: item.cost,
      taxcode: tax.id,
      taxcode_name: tax.name,
      supplier_id: supplier?.id ?? null,
      supplier_name: supplier?.name ?? null,
      quantity_in_stock:
        item.group === "Hardware" || item.group === "Consumables" ? between(random, 0, 40) : 0,
      assetgroup_name: item.group,
      internalreference: `SKU-${String(1000 + i)}`,
      CFGLCode: item.group === "Labour" ? "4000" : item.group === "Hardware" ? "4100" : "4200",
      CFUnitWeightKg: item.group === "Hardware" ? Math.round(random() * 800) / 100 + 0.5 : null,
    });
  });
}

function seedClients(
  writer: RowWriter,
  random: Random,
  seed: number,
  agents: { id: number; name: string }[],
  suppliers: { id: number; name: string }[],
): void {
  const usedNames = new Set<string>();
  let siteId = 0;
  let userId = 0;
  let assetId = 0;
  let ticketId = 1000;
  for (let clientId = 1; clientId <= CLIENTS_PER_SEED * seed; clientId++) {
    let name = `${pick(random, names.COMPANY_FIRST)} ${pick(random, names.COMPANY_SECOND)} ${pick(random, names.COMPANY_SUFFIX)}`;
    if (usedNames.has(name)) name = `${name} (${pick(random, names.CITIES)})`;
    if (usedNames.has(name)) name = `${name} ${clientId}`;
    usedNames.add(name);
    const tax = pick(random, names.TAX_CODES);
    const tier = pick(random, ["Bronze", "Silver", "Gold", "Gold", "Silver"]);
    writer.insert("Area", {
      id: clientId,
      name,
      toplevel_id: 1,
      toplevel_name: "Managed Clients",
      inactive: random() < 0.04 ? 1 : 0,
      item_tax_code: tax.id,
      service_tax_code: names.TAX_CODES[0].id,
      prepay_tax_code: names.TAX_CODES[0].id,
      contract_tax_code: tax.id,
      pritech: pick(random, agents).id,
      accountmanagertech: pick(random, agents).id,
      main_phonenumber: `0${between(random, 1000, 9999)} ${between(random, 100000, 999999)}`,
      website: `https://www.${emailPart(name)}.demo.example`,
      datecreated: daysAgo(random, 2000),
      CFContractRef:
        random() < 0.85 ? `C-${String(clientId).padStart(5, "0")}-${between(random, 10, 99)}` : null,
      CFAccountTier: tier,
      CFRenewalDate: isoDateTime(BASE_DAY + between(random, 10, 700) * DAY_MS),
    });
    const sites: { id: number; name: string }[] = [];
    const siteCount = between(random, 1, 3);
    for (let s = 0; s < siteCount; s++) {
      siteId += 1;
      const city = pick(random, names.CITIES);
      const siteName = s === 0 ? "Head Office" : `${city} ${pick(random, names.SITE_KINDS)}`;
      sites.push({ id: siteId, name: siteName });
      writer.insert("Site", {
        id: siteId,
        name: siteName,
        client_id: clientId,
        client_name: name,
        inactive: 0,
        phonenumber: `0${between(random, 1000, 9999)} ${between(random, 100000, 999999)}`,
        timezone: "GMT Standard Time",
        CFSiteCode: `${emailPart(name).slice(0, 4).toUpperCase()}-${String(s + 1).padStart(2, "0")}`,
        CFFloorCount: between(random, 1, 6),
      });
    }
    const users: { id: number; name: string; site: { id: number; name: string } }[] = [];
    const domain = `${emailPart(name).slice(0, 18)}.demo.example`;
    for (let u = 0; u < 4; u++) {
      userId += 1;
      const person = personName(random);
      const site = pick(random, sites);
      users.push({ id: userId, name: person.name, site });
      writer.insert("Users", {
        id: userId,
        ...person,
        emailaddress: `${emailPart(person.firstname)}.${emailPart(person.surname)}@${domain}`,
        site_id: site.id,
        site_name: site.name,
        client_id: clientId,
        client_name: name,
        title: pick(random, names.JOB_TITLES),
        phonenumber: `0${between(random, 1000, 9999)} ${between(random, 100000, 999999)}`,
        inactive: random() < 0.05 ? 1 : 0,
        isimportantcontact: u === 0 ? 1 : 0,
        CFEmployeeNumber: `E${between(random, 1000, 9999)}`,
      });
    }
    const assetCount = between(random, 1, 4);
    for (let a = 0; a < assetCount; a++) {
      assetId += 1;
      const type = pick(random, names.ASSET_TYPES);
      const site = pick(random, sites);
      const supplier = pick(random, suppliers);
      writer.insert("Device", {
        id: assetId,
        inventory_number: `AST-${String(assetId).padStart(6, "0")}`,
        key_field: `${emailPart(name).slice(0, 5).toUpperCase()}-${type.prefix}-${String(a + 1).padStart(3, "0")}`,
        client_id: clientId,
        client_name: name,
        site_id: site.id,
        site_name: site.name,
        assettype_id: type.id,
        assettype_name: type.name,
        warranty_end: isoDateTime(BASE_DAY + between(random, -400, 1100) * DAY_MS),
        inactive: random() < 0.05 ? 1 : 0,
        supplier_id: supplier.id,
        supplier_name: supplier.name,
        CFPurchaseOrder: `PO-${between(random, 20000, 89999)}`,
        CFWarrantyProvider: pick(random, ["Manufacturer", "Extended (3yr)", "None"]),
      });
    }
    for (let t = 0; t < 2; t++) {
      ticketId += 1;
      const user = pick(random, users);
      const agent = pick(random, agents);
      const status = pick(random, names.TICKET_STATUSES);
      writer.insert("Faults", {
        id: ticketId,
        summary: pick(random, names.TICKET_SUMMARIES),
        details: "Reported by phone.",
        status_id: status.id,
        status_name: status.name,
        tickettype_id: 1,
        tickettype_name: "Incident",
        client_id: clientId,
        client_name: name,
        site_id: user.site.id,
        site_name: user.site.name,
        user_id: user.id,
        user_name: user.name,
        agent_id: agent.id,
        agent_name: agent.name,
        priority_id: between(random, 1, 4),
        dateoccurred: daysAgo(random, 120),
        team: "Service Desk",
        CFCustomerPO: random() < 0.3 ? `PO-${between(random, 1000, 9999)}` : null,
      });
    }
  }
}
