/* Writes the manifest for a build from manifest.xml (the development manifest, on localhost):
   every URL moved to the add-in's origin, the version from package.json, the app domains from the
   build settings. Text replacement keeps the file as people wrote it; checkManifest.ts verifies it. */
import { DEV_ORIGIN, type BuildSettings } from "./buildSettings";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** package.json's x.y.z as the manifest's four-part x.y.z.0; pre-release versions have no manifest form. */
export function manifestVersion(packageVersion: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(packageVersion))
    throw new Error(`package.json version "${packageVersion}" must be x.y.z for the manifest's x.y.z.0.`);
  return `${packageVersion}.0`;
}

/** The add-in's own host first (Office trusts it anyway; listing it keeps the domains readable), then Halo's. */
export function appDomains(settings: Pick<BuildSettings, "origin" | "haloOrigins">): string[] {
  return [new URL(settings.origin).origin, ...settings.haloOrigins];
}

export function renderManifest(
  template: string,
  settings: Pick<BuildSettings, "origin" | "haloOrigins">,
  packageVersion: string,
): string {
  const replaceOnce = (text: string, pattern: RegExp, replacement: (match: string) => string) => {
    const matches = text.match(new RegExp(pattern.source, "g")) ?? [];
    if (matches.length !== 1)
      throw new Error(`manifest.xml must have exactly one ${pattern.source}; it has ${matches.length}.`);
    return text.replace(pattern, replacement);
  };
  let text = template.split(`"${DEV_ORIGIN}/`).join(`"${escapeXml(settings.origin)}/`);
  text = replaceOnce(
    text,
    /<Version>[^<]*<\/Version>/,
    () => `<Version>${manifestVersion(packageVersion)}</Version>`,
  );
  text = replaceOnce(text, /( *)<AppDomains>[\s\S]*?<\/AppDomains>/, (block) => {
    const indent = /^ */.exec(block)?.[0] ?? "";
    const domains = appDomains(settings).map(
      (domain) => `${indent}  <AppDomain>${escapeXml(domain)}</AppDomain>`,
    );
    return [`${indent}<AppDomains>`, ...domains, `${indent}</AppDomains>`].join("\n");
  });
  return text;
}
