import { Body1, Caption1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import packageInfo from "../../package.json";
import { ConnectPanel } from "./connect/ConnectPanel";
import type { ConnectServices } from "./connect/connectServices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  tagline: { color: tokens.colorNeutralForeground2 },
  version: { color: tokens.colorNeutralForeground3 },
});

/** The task pane shell. Connect, Pull, Push and History panels mount here. */
export function App({ connectServices }: { connectServices: ConnectServices }): JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">HaloSheet</Title2>
        <Caption1 className={styles.version}>version {packageInfo.version}</Caption1>
      </header>
      <Body1 className={styles.tagline}>Bulk-edit Halo records from Excel, with a result on every row.</Body1>
      <ConnectPanel services={connectServices} />
    </main>
  );
}
