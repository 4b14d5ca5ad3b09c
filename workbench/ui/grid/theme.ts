/* Glide draws on a canvas, so it needs concrete colours: take them from Fluent's light theme. */
import type { Theme } from "@glideapps/glide-data-grid";
import { webLightTheme } from "@fluentui/react-components";

export const gridTheme: Partial<Theme> = {
  accentColor: webLightTheme.colorBrandStroke1,
  accentLight: webLightTheme.colorBrandBackground2,
  accentFg: webLightTheme.colorNeutralForegroundOnBrand,
  textDark: webLightTheme.colorNeutralForeground1,
  textMedium: webLightTheme.colorNeutralForeground2,
  textLight: webLightTheme.colorNeutralForeground3,
  textHeader: webLightTheme.colorNeutralForeground2,
  textHeaderSelected: webLightTheme.colorNeutralForegroundOnBrand,
  bgCell: webLightTheme.colorNeutralBackground1,
  bgCellMedium: webLightTheme.colorNeutralBackground2,
  bgHeader: webLightTheme.colorNeutralBackground3,
  bgHeaderHasFocus: webLightTheme.colorNeutralBackground4,
  bgHeaderHovered: webLightTheme.colorNeutralBackground3Hover,
  borderColor: webLightTheme.colorNeutralStroke2,
  horizontalBorderColor: webLightTheme.colorNeutralStroke2,
  fontFamily: webLightTheme.fontFamilyBase,
  baseFontStyle: "13px",
  headerFontStyle: "600 12px",
  editorFontSize: "13px",
  cellHorizontalPadding: 6,
};
