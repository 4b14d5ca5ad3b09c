/**
 * Scopes as Halo's API applications grant them: `all` (or `admin`) allows everything; otherwise
 * `read:<area>` allows GETs and `edit:<area>` allows GETs and POSTs for the entities of that area.
 * The areas are Halo's modules, as an API application's permissions name them in Halo (Configuration >
 * Integrations > API > View Applications). The sandbox keeps its own table, not the client's, so a
 * contract test shows the client agrees with Halo rather than with itself.
 */
export const SCOPE_PATTERN = /^(all|admin|offline_access|openid|(read|edit):[a-z]+)$/;

/** Halo module (scope area) of each API resource, by lower-case resource name. */
const MODULE_OF_RESOURCE: Readonly<Record<string, string>> = {
  client: "customers",
  site: "customers",
  users: "customers",
  address: "customers",
  tickets: "tickets",
  actions: "tickets",
  attachment: "tickets",
  asset: "assets",
  device: "assets",
  item: "items",
  supplier: "suppliers",
  clientcontract: "contracts",
  invoice: "invoices",
  quotation: "quotes",
  salesorder: "sales",
  project: "projects",
  projects: "projects",
  opportunities: "crm",
  kbarticle: "kb",
  report: "reporting",
  reportdata: "reporting",
};

/** The scope a request needs ("edit:customers", or "admin" for setup areas such as Agent). */
export function neededScope(resource: string, write: boolean): string {
  const name = resource.replace(/^\//, "").split(/[/?]/)[0].toLowerCase();
  const module = MODULE_OF_RESOURCE[name];
  if (module === undefined) return "admin";
  return `${write ? "edit" : "read"}:${module}`;
}

export function scopeAllows(scopes: readonly string[], resource: string, write: boolean): boolean {
  if (scopes.includes("all") || scopes.includes("admin")) return true;
  const needed = neededScope(resource, write);
  return scopes.includes(needed) || scopes.includes(needed.replace(/^read:/, "edit:"));
}
