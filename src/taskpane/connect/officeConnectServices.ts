/** The Connect panel's services inside Office (or the workbench): the add-in's storage and the Office dialog. */
import { addinStorage } from "../../office/addinStorage";
import { openSignInDialog } from "../../office/signInDialog";
import type { ConnectServices } from "./connectServices";

export function officeConnectServices(): ConnectServices {
  return {
    storage: addinStorage(),
    origin: location.origin,
    openSignInDialog: (authorizeUrl) => openSignInDialog(authorizeUrl),
  };
}
