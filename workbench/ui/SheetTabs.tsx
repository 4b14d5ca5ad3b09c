/* Sheet tabs: the visible sheets as tabs, a menu to hide the active sheet or unhide hidden ones
   (very hidden sheets stay out of reach, as in Excel), and a button to add a sheet. */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, MoreHorizontalRegular } from "@fluentui/react-icons";
import type { Workbook } from "../model/workbook";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface SheetTabsProps {
  workbook: Workbook;
  version: number;
}

export function SheetTabs({ workbook }: SheetTabsProps): JSX.Element {
  const styles = useStyles();
  const sheets = workbook.listSheets();
  const active = workbook.getActiveSheet();
  const visible = sheets.filter((s) => s.visibility === "Visible");
  const hidden = sheets.filter((s) => s.visibility === "Hidden");
  const canHide = visible.length > 1;

  return (
    <div className={styles.bar} data-testid="sheet-tabs">
      <TabList
        size="small"
        selectedValue={active.id}
        onTabSelect={(_, data) => workbook.activateSheet(String(data.value))}
      >
        {visible.map((sheet) => (
          <Tab key={sheet.id} value={sheet.id}>
            {sheet.name}
          </Tab>
        ))}
      </TabList>
      <Button
        appearance="subtle"
        size="small"
        icon={<AddRegular />}
        aria-label="New sheet"
        onClick={() => workbook.addSheet()}
      />
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button
            appearance="subtle"
            size="small"
            icon={<MoreHorizontalRegular />}
            aria-label="Sheet options"
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem disabled={!canHide} onClick={() => workbook.setSheetVisibility(active.id, "Hidden")}>
              Hide {active.name}
            </MenuItem>
            {hidden.map((sheet) => (
              <MenuItem key={sheet.id} onClick={() => workbook.setSheetVisibility(sheet.id, "Visible")}>
                Unhide {sheet.name}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
