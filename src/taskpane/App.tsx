import { Body1, Caption1, Tab, TabList, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState, useSyncExternalStore } from "react";
import packageInfo from "../../package.json";
import type { HaloClient } from "../halo";
import { getSignedInClient, subscribe } from "../runtime";
import { ConnectPanel } from "./connect/ConnectPanel";
import type { ConnectServices } from "./connect/connectServices";
import { FieldsPanel } from "./fields/FieldsPanel";
import type { FieldsServices } from "./fields/fieldsServices";
import { HistoryPanel } from "./history/HistoryPanel";
import { PullPanel } from "./pull/PullPanel";
import type { PullServices } from "./pull/pullServices";
import { PushPanel } from "./push/PushPanel";
import type { PushServices } from "./push/pushServices";

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

export interface AppServices {
  connect: ConnectServices;
  /** The Pull panel's services for the signed-in client. */
  pull(client: HaloClient): PullServices;
  fields: FieldsServices;
  push: PushServices;
}

type PanelTab = "pull" | "fields" | "push" | "history";

/** The panels shown once signed in, as tabs. */
function SignedInPanels({ client, services }: { client: HaloClient; services: AppServices }): JSX.Element {
  const [tab, setTab] = useState<PanelTab>("pull");
  const pullServices = useMemo(() => services.pull(client), [services, client]);
  return (
    <>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as PanelTab)}>
        <Tab value="pull">Pull</Tab>
        <Tab value="fields">Fields</Tab>
        <Tab value="push">Push</Tab>
        <Tab value="history">History</Tab>
      </TabList>
      {tab === "pull" ? <PullPanel services={pullServices} /> : null}
      {tab === "fields" ? <FieldsPanel services={services.fields} /> : null}
      {/* Push and History stay mounted while hidden: a run goes on while the user looks at another tab. */}
      <div hidden={tab !== "push"}>
        <PushPanel services={services.push} />
      </div>
      <div hidden={tab !== "history"}>
        <HistoryPanel services={services.push} visible={tab === "history"} />
      </div>
    </>
  );
}

/** The task pane shell: Connect, then the Pull, Fields, Push and History panels as tabs. */
export function App({ services }: { services: AppServices }): JSX.Element {
  const styles = useStyles();
  const client = useSyncExternalStore(subscribe, getSignedInClient);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1">HaloSheet</Title2>
        <Caption1 className={styles.version}>version {packageInfo.version}</Caption1>
      </header>
      <Body1 className={styles.tagline}>Bulk-edit Halo records from Excel, with a result on every row.</Body1>
      <ConnectPanel services={services.connect} />
      {client ? <SignedInPanels client={client} services={services} /> : null}
    </main>
  );
}
