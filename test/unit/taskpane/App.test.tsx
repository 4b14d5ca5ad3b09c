/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import packageInfo from "../../../package.json";
import { App } from "../../../src/taskpane/App";
import { MemoryStorage } from "./memoryStorage";

describe("task pane", () => {
  it("shows the product title, its version and the Connect panel inside Fluent UI", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          connectServices={{
            storage: new MemoryStorage(),
            origin: "https://localhost:3000",
            openSignInDialog: () => Promise.reject(new Error("no dialog in this test")),
          }}
        />
      </FluentProvider>,
    );
    expect(screen.getByRole("heading", { name: "HaloSheet" })).toBeTruthy();
    expect(screen.getByText(`version ${packageInfo.version}`)).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeTruthy();
  });
});
