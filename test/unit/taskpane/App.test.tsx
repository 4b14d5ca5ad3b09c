/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import packageInfo from "../../../package.json";
import { App } from "../../../src/taskpane/App";
import { MemoryStorage } from "./memoryStorage";
import { FakePushServices } from "./push/fakePushServices";

describe("task pane", () => {
  it("shows the product title, its version and the Connect panel inside Fluent UI", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          services={{
            connect: {
              storage: new MemoryStorage(),
              origin: "https://localhost:3000",
              openSignInDialog: () => Promise.reject(new Error("no dialog in this test")),
            },
            pull: () => {
              throw new Error("not signed in: no pull services");
            },
            fields: { insertHeaders: () => Promise.reject(new Error("no sheet in this test")) },
            push: new FakePushServices(),
          }}
        />
      </FluentProvider>,
    );
    expect(screen.getByRole("heading", { name: "HaloSheet" })).toBeTruthy();
    expect(screen.getByText(`version ${packageInfo.version}`)).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy();
  });
});
