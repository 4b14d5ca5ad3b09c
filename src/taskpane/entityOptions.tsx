import { Option } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { entityLabel } from "../halo";
import { entityChoices } from "./entityChoices";

/** The options of an entity Dropdown (Pull, Fields): Halo's entity name as the value, its label shown. */
export function entityOptions(): ReactElement[] {
  return entityChoices().map((entity) => (
    <Option key={entity} value={entity}>
      {entityLabel(entity)}
    </Option>
  ));
}
