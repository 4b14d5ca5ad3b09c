/* The Content-Security-Policy of the add-in's pages, as a <meta> tag (any static host serves it; no
   server headers needed). Scripts come only from the add-in and Office's CDN, calls go only to the
   add-in and the Halo instances the build allows, and nothing is eval'ed. */
import type { BuildSettings } from "./buildSettings";

export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** In development the pane talks to the sandbox and the dev server on any local port, HTTP or HTTPS. */
const LOCAL_DEVELOPMENT = [
  "http://localhost:*",
  "https://localhost:*",
  "http://127.0.0.1:*",
  "https://127.0.0.1:*",
];

export function contentSecurityPolicy(settings: BuildSettings): string {
  // A folder source (trailing slash) allows only what is under the add-in's folder on its host.
  const addin = settings.development ? "'self'" : `${settings.origin}/`;
  const local = settings.development ? LOCAL_DEVELOPMENT : [];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", [addin, OFFICE_CDN]],
    ["connect-src", [addin, ...settings.haloOrigins, ...local]],
    // Fluent UI (Griffel) and React insert their styles at run time.
    ["style-src", [addin, "'unsafe-inline'"]],
    ["img-src", [addin, "data:"]],
    ["font-src", [addin, "data:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}
