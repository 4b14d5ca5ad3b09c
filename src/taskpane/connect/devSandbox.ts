/**
 * The local sandbox `npm start` runs, for the Connect form to open filled in. webpack defines
 * __HALOSHEET_DEV_SANDBOX__ in development builds started with a sandbox, and as null in production
 * builds, so a shipped add-in never offers it. It never holds a secret.
 */
declare const __HALOSHEET_DEV_SANDBOX__: { instanceUrl: string; clientId: string } | null | undefined;

export function devSandboxPrefill(): { instanceUrl: string; clientId: string } | undefined {
  return typeof __HALOSHEET_DEV_SANDBOX__ === "undefined"
    ? undefined
    : (__HALOSHEET_DEV_SANDBOX__ ?? undefined);
}
