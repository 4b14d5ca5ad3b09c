/** The Connect panel's services inside Office (or the workbench): the add-in's storage and the Office dialog. */
import { addinStorage } from "../../office/addinStorage";
import { openSignInDialog } from "../../office/signInDialog";
import type { ConnectServices } from "./connectServices";
import { devSandboxPrefill } from "./devSandbox";

export function officeConnectServices(): ConnectServices {
  const prefill = devSandboxPrefill();
  return {
    ...(prefill ? { prefill } : {}),
    storage: addinStorage(),
    origin: location.origin,
    openSignInDialog: (authorizeUrl) => openSignInDialog(authorizeUrl),
  };
}
