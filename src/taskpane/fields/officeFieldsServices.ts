/** The Fields tab's services inside Office (or the workbench). */
import { insertHeadersAtSelection } from "../../office/insertHeaders";
import type { FieldsServices } from "./fieldsServices";

export function officeFieldsServices(): FieldsServices {
  return { insertHeaders: (names) => insertHeadersAtSelection(names) };
}
