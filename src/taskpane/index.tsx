import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeConnectServices } from "./connect/officeConnectServices";
import { officeFieldsServices } from "./fields/officeFieldsServices";
import { officePullServices } from "./pull/officePullServices";
import { officePushServices } from "./push/officePushServices";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("The task pane page has no #root element.");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        services={{
          connect: officeConnectServices(),
          pull: officePullServices,
          fields: officeFieldsServices(),
          push: officePushServices(),
        }}
      />
    </FluentProvider>,
  );
});
