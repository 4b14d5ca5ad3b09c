import { Body1, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ConnectPanel } from "./connect/ConnectPanel";
import type { ConnectServices } from "./connect/connectServices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  tagline: { color: tokens.colorNeutralForeground2 },
});

/** The task pane shell. Connect, Pull, Push and History panels mount here. */
export function App({ connectServices }: { connectServices: ConnectServices }): JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">HaloSheet</Title2>
      <Body1 className={styles.tagline}>Bulk-edit Halo records from Excel, with a result on every row.</Body1>
      <ConnectPanel services={connectServices} />
    </main>
  );
}
