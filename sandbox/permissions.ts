/**
 * Scopes as Halo's API applications grant them: `all` (or `admin`) allows everything; otherwise
 * `read:<area>` allows GETs and `edit:<area>` allows GETs and POSTs for the entities of that area.
 * Which area an entity belongs to is the client's own table (src/halo/scopes), so the scope the
 * sandbox asks for is the one the client's Permission message tells the admin to grant.
 */
import { scopeFor } from "../src/halo/scopes";

export const SCOPE_PATTERN = /^(all|admin|offline_access|openid|(read|edit):[a-z]+)$/;

/** The scope a request needs ("edit:customers", or "admin" for setup areas such as Agent). */
export function neededScope(resource: string, write: boolean): string {
  return scopeFor(write ? "POST" : "GET", `/${resource}`);
}

export function scopeAllows(scopes: readonly string[], resource: string, write: boolean): boolean {
  if (scopes.includes("all") || scopes.includes("admin")) return true;
  const needed = neededScope(resource, write);
  return scopes.includes(needed) || scopes.includes(needed.replace(/^read:/, "edit:"));
}
