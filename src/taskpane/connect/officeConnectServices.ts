/** The Connect panel's services inside Office (or the workbench): the add-in's storage and the Office dialog. */
import { addinStorage } from "../../office/addinStorage";
import { addinFolderUrl, openSignInDialog } from "../../office/signInDialog";
import type { ConnectServices } from "./connectServices";
import { devSandboxPrefill } from "./devSandbox";

export function officeConnectServices(): ConnectServices {
  const prefill = devSandboxPrefill();
  return {
    ...(prefill ? { prefill } : {}),
    storage: addinStorage(),
    origin: location.origin,
    addinUrl: addinFolderUrl(),
    openSignInDialog: (authorizeUrl) => openSignInDialog(authorizeUrl),
  };
}
