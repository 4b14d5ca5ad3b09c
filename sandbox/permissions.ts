/**
 * Scopes as Halo's API applications grant them: `all` (or `admin`) allows everything; otherwise
 * `read:<area>` allows GETs and `edit:<area>` allows GETs and POSTs for the entities of that area.
 */
const AREA_OF: Record<string, string> = {
  client: "customers",
  site: "customers",
  users: "customers",
  supplier: "suppliers",
  tickets: "tickets",
  actions: "tickets",
  project: "projects",
  opportunities: "crm",
  asset: "assets",
  item: "items",
  agent: "agents",
  team: "teams",
  status: "tickets",
  clientcontract: "contracts",
  invoice: "invoices",
  quotation: "quotes",
  salesorder: "salesorders",
  kbarticle: "kb",
  report: "reporting",
  reportdata: "reporting",
};

export const SCOPE_PATTERN = /^(all|admin|offline_access|openid|(read|edit):[a-z]+)$/;

export function areaOf(resource: string): string {
  return AREA_OF[resource.toLowerCase()] ?? resource.toLowerCase();
}

export function scopeAllows(scopes: readonly string[], resource: string, write: boolean): boolean {
  if (scopes.includes("all") || scopes.includes("admin")) return true;
  const area = areaOf(resource);
  return scopes.includes(`edit:${area}`) || (!write && scopes.includes(`read:${area}`));
}

/** The scope a request needed, for the 401 text that tells the client which permission is missing. */
export function neededScope(resource: string, write: boolean): string {
  return `${write ? "edit" : "read"}:${areaOf(resource)}`;
}
