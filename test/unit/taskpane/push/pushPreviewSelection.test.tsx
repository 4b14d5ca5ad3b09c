/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/* What the preview says about the selection it read: the header row it took, and the hidden rows it skipped. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PushPanel } from "../../../../src/taskpane/push/PushPanel";
import { clientSelection, FakePushServices } from "./fakePushServices";

async function preview(services: FakePushServices): Promise<void> {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PushPanel services={services} />
    </FluentProvider>,
  );
  const button = screen.getByRole("button", { name: "Preview selection" });
  act(() => button.focus());
  await user.keyboard("{Enter}");
}

describe("Push preview of the selection", () => {
  it("counts the hidden and filtered-out rows as skipped and names them; they are not in the plan", async () => {
    const services = new FakePushServices();
    const selection = clientSelection([
      [1, "Acme", 3, ""],
      [4, "Dane", 3, ""],
    ]);
    services.selection = { ...selection, hiddenRows: [3, 4, 5], tableName: "Clients" };
    await preview(services);
    expect(
      await screen.findByText(/2 rows to update, 0 to create, 0 unchanged, 0 skipped, 3 hidden rows skipped/),
    ).toBeTruthy();
    expect(screen.getByText("Hidden or filtered out, so not read and not sent: rows 3, 4, 5.")).toBeTruthy();
    expect(screen.getByText("Headers from row 1, the header row of table Clients.")).toBeTruthy();
  });

  it("outside a table says the first selected row gave the headers", async () => {
    const services = new FakePushServices();
    services.selection = clientSelection([[1, "Acme", 3, ""]]);
    await preview(services);
    expect(await screen.findByText("Headers from row 1, the first selected row.")).toBeTruthy();
    expect(screen.queryByText(/hidden row/)).toBeNull();
  });
});
