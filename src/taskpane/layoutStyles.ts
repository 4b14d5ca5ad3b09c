import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The pane's few layouts, shared so every panel spaces alike: a panel is a column of fields and
 * messages, a section inside it a tighter column, and a row of buttons sits under them.
 */
export const useLayoutStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  compactActions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});
