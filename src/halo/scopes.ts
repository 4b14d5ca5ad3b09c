/**
 * Which Halo permission a path needs, for Permission errors that tell the admin what to grant.
 * Halo scopes are read:<area> / edit:<area> (or "all"); areas follow Halo's modules.
 */
const AREAS: readonly [RegExp, string][] = [
  [/^\/(Client|Site|Users|Address)\b/i, "customers"],
  [/^\/(Tickets|Actions|Attachment)\b/i, "tickets"],
  [/^\/(Asset|Device)\b/i, "assets"],
  [/^\/Item\b/i, "items"],
  [/^\/Supplier\b/i, "suppliers"],
  [/^\/ClientContract\b/i, "contracts"],
  [/^\/Invoice\b/i, "invoices"],
  [/^\/Quotation\b/i, "quotes"],
  [/^\/SalesOrder\b/i, "sales"],
  [/^\/Projects?\b/i, "projects"],
  [/^\/Opportunities\b/i, "crm"],
  [/^\/KBArticle\b/i, "kb"],
  [/^\/(Report|ReportData)\b/i, "reporting"],
];

/** The scope a request needs, e.g. ("POST", "/Client") -> "edit:customers"; "admin" for setup areas. */
export function scopeFor(method: string, path: string): string {
  const area = AREAS.find(([pattern]) => pattern.test(path))?.[1];
  if (area === undefined) return "admin";
  return `${method.toUpperCase() === "GET" ? "read" : "edit"}:${area}`;
}

export function permissionMessage(method: string, path: string, label: string, status: number): string {
  const scope = scopeFor(method, path);
  const module = path.replace(/^\//, "").split(/[/?]/)[0];
  return (
    `Halo refused ${label} (${status}) even with a fresh sign-in: the API application or the agent it ` +
    `logs in as lacks access to ${module}. Grant the "${scope}" scope (or "all") in Configuration > ` +
    `Integrations > API > View Applications, and check the agent's permissions for that module.`
  );
}
