/* The workbench page: an Excel host in the browser for the add-in's real task pane and functions. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { installOfficeGlobals } from "../excel/install";
import { Workbook } from "../model/workbook";
import { loadFunctionsMetadata, loadFunctionsNamespace } from "./addinMetadata";
import { App } from "./App";
import { exposeWorkbenchHost } from "./officeHost";
import { clearSyncSizes, syncSizes } from "../excel/syncLog";
import { documentContents } from "../excel/documentContents";
import { loadWorkbenchConfig } from "./workbenchConfig";

async function start(container: HTMLElement): Promise<void> {
  const [config, namespace, metadata] = await Promise.all([
    loadWorkbenchConfig(),
    loadFunctionsNamespace(),
    loadFunctionsMetadata(),
  ]);
  const workbook = new Workbook();
  // Excel reads functions.json before the add-in runs; CustomFunctions.associate then binds the code.
  workbook.customFunctions.loadMetadata(metadata, namespace);
  exposeWorkbenchHost({
    workbook,
    installInto: (target) => installOfficeGlobals(target, workbook),
    syncSizes: () => syncSizes(workbook),
    clearSyncSizes: () => clearSyncSizes(workbook),
    documentContents: () => documentContents(workbook),
  });
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <App workbook={workbook} sandboxUrl={config.sandboxUrl} />
    </FluentProvider>,
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("workbench.html has no #root element.");
start(root).catch((error: unknown) => {
  root.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
});
