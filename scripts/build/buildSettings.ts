/* Where the built add-in will be served from and which Halo instances its pages may call: the one
   place the build reads them (environment variables, see docs/install.md). */

/** The address `npm start` and sideloading in development use. */
export const DEV_ORIGIN = "https://localhost:3000";

/** Halo's hosted instances. A self-hosted Halo on its own domain is added with HALOSHEET_HALO_ORIGINS. */
export const HALO_CLOUD_ORIGINS = [
  "https://*.halopsa.com",
  "https://*.haloitsm.com",
  "https://*.halocrm.io",
  "https://*.haloservicedesk.com",
];

export interface BuildSettings {
  /** The add-in's public address without a trailing slash, e.g. https://addins.example.com/halosheet. */
  origin: string;
  /** HTTPS origins (a leading `*.` allowed) of the Halo instances the pages may call. */
  haloOrigins: string[];
  development: boolean;
}

export class BuildSettingsError extends Error {
  override name = "BuildSettingsError";
}

const EXAMPLE = "HALOSHEET_ORIGIN=https://addins.example.com/halosheet npm run build";

/** The add-in's origin from HALOSHEET_ORIGIN: HTTPS, no query, no fragment, no credentials. */
export function parseAddinOrigin(value: string | undefined): string {
  const text = (value ?? "").trim();
  if (text === "")
    throw new BuildSettingsError(
      `A production build needs the HTTPS address dist/ will be served from, in HALOSHEET_ORIGIN: ${EXAMPLE}`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BuildSettingsError(`HALOSHEET_ORIGIN is not a URL: "${text}". Example: ${EXAMPLE}`);
  }
  if (url.protocol !== "https:")
    throw new BuildSettingsError(
      `HALOSHEET_ORIGIN must start with https:// (Office loads add-ins over HTTPS only), not "${text}".`,
    );
  if (url.search || url.hash || url.username || url.password)
    throw new BuildSettingsError(
      `HALOSHEET_ORIGIN is the folder dist/ is served from, without ?query, #fragment or user:password: "${text}".`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** HALOSHEET_HALO_ORIGINS: space- or comma-separated https://host or https://*.domain, no paths. */
export function parseHaloOrigins(value: string | undefined): string[] {
  const entries = (value ?? "").split(/[\s,]+/).filter((entry) => entry !== "");
  if (entries.length === 0) return [...HALO_CLOUD_ORIGINS];
  return entries.map((entry) => {
    const match = /^https:\/\/(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)+|localhost)(:\d+)?\/?$/i.exec(entry);
    if (!match)
      throw new BuildSettingsError(
        `HALOSHEET_HALO_ORIGINS entries are https://host or https://*.domain without a path; "${entry}" is not.`,
      );
    return entry.replace(/\/$/, "").toLowerCase();
  });
}

/**
 * Reads the settings for a build. Development always serves from localhost; production needs an HTTPS
 * HALOSHEET_ORIGIN and stops with a message saying how to give one.
 */
export function readBuildSettings(env: NodeJS.ProcessEnv, development: boolean): BuildSettings {
  const haloOrigins = parseHaloOrigins(env.HALOSHEET_HALO_ORIGINS);
  if (development) return { origin: DEV_ORIGIN, haloOrigins, development };
  return { origin: parseAddinOrigin(env.HALOSHEET_ORIGIN), haloOrigins, development };
}
