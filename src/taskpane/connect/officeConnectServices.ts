/** The Connect panel's services inside Office (or the workbench): OfficeRuntime.storage and the Office dialog. */
import { openSignInDialog } from "../../office/signInDialog";
import type { ConnectServices } from "./connectServices";

export function officeConnectServices(): ConnectServices {
  return {
    storage: OfficeRuntime.storage,
    origin: location.origin,
    openSignInDialog: (authorizeUrl) => openSignInDialog(authorizeUrl),
  };
}
