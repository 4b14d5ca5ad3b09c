/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "../../../src/taskpane/App";

describe("task pane", () => {
  it("shows the product title inside Fluent UI", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>,
    );
    expect(screen.getByRole("heading", { name: "HaloSheet" })).toBeTruthy();
  });
});
