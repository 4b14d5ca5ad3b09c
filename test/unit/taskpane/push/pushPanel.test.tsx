/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/* The Push panel, driven with the keyboard only, against fake services and a fake Halo. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { countResults } from "../../../../src/office/pushRecord";
import type { RowResult } from "../../../../src/bulk";
import { PushPanel } from "../../../../src/taskpane/push/PushPanel";
import { flushAsync } from "../../../fakes/fakeClock";
import { clientSelection, FakePushServices } from "./fakePushServices";

const PULLED = [
  [1, "Acme", 1, "Standard"],
  [2, "Bolt", 1, "Standard"],
  [3, "Crane", 2, "Zero"],
];

function pulledSheet(edited = PULLED): FakePushServices {
  const services = new FakePushServices();
  services.halo.seed(3, (id) => ({ id, name: PULLED[id - 1]![1], item_tax_code: PULLED[id - 1]![2] }));
  services.snapshot = { headers: ["id", "name", "item_tax_code", "item_tax_code_name"], rows: PULLED };
  services.selection = clientSelection(edited);
  return services;
}

function show(services: FakePushServices): ReturnType<typeof userEvent.setup> {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <PushPanel services={services} />
    </FluentProvider>,
  );
  return user;
}

/** Focuses the button with this name and presses Enter (jsdom's Tab does not pass Fluent's DataGrid focus zone). */
async function press(user: ReturnType<typeof userEvent.setup>, name: string | RegExp): Promise<void> {
  const button = await screen.findByRole("button", { name });
  expect(button.hasAttribute("disabled")).toBe(false);
  act(() => button.focus());
  expect(document.activeElement).toBe(button);
  await user.keyboard("{Enter}");
}

describe("Push panel", () => {
  it("before reading: says what to select, and names the selection's problem", async () => {
    const services = new FakePushServices();
    const user = show(services);
    expect(screen.getByText(/Select the rows to push: the payload column/)).toBeTruthy();
    await press(user, "Preview selection");
    expect(await screen.findByText("Select the rows to push.")).toBeTruthy();
  });

  it("preview: counts, the columns left out, and the change old -> new", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    const user = show(services);
    await press(user, "Preview selection");
    expect(await screen.findByText(/1 row to update, 0 to create, 2 unchanged, 0 skipped/)).toBeTruthy();
    const grid = screen.getByRole("grid", { name: "Changes" });
    const cells = within(grid)
      .getAllByRole("gridcell")
      .map((c) => c.textContent);
    expect(cells).toEqual(["3", "2", "item_tax_code", "1", "3"]);
    expect(screen.getByLabelText("Target field for item_tax_code_name")).toBeTruthy();
    expect(screen.getByText(/item_tax_code_name \(a display name\)/)).toBeTruthy();
  });

  it("push: every row gets a Status, Halo holds the new value, the snapshot follows, Undo restores it", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    expect(await screen.findByText("Push finished")).toBeTruthy();
    expect(screen.getByText(/1 updated, 2 unchanged\./)).toBeTruthy();
    expect([...services.status.values()].map((s) => [s.rowNumber, s.status])).toEqual(
      expect.arrayContaining([
        [2, "Unchanged"],
        [3, "Updated"],
        [4, "Unchanged"],
      ]),
    );
    expect(services.halo.records.get(2)?.item_tax_code).toBe(3);
    expect(services.snapshotUpdates).toEqual([new Map([[2, { item_tax_code: 3 }]])]);
    expect(services.logged.map((r) => r.state)).toEqual(["done"]);
    await press(user, "Undo this run");
    expect(await screen.findByText("Undo finished")).toBeTruthy();
    expect(screen.getByText(/1 restored/)).toBeTruthy();
    expect(services.halo.records.get(2)?.item_tax_code).toBe(1);
    expect(services.status.get(3)?.status).toBe("Undone");
    expect(services.runs.get("run-1")?.undoneBy).toBe("run-2");
  });

  it("dry run: nothing saved, rows say WouldUpdate", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Dry run");
    expect(await screen.findByText("Dry run finished")).toBeTruthy();
    expect(screen.getByText(/Nothing was saved/)).toBeTruthy();
    expect(services.status.get(3)?.status).toBe("WouldUpdate");
    expect(services.halo.posts).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "Undo this run" })).toBeNull();
  });

  it("a field changed in Halo since the pull is a Conflict, not sent; Overwrite conflicts sends it", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    services.halo.records.get(2)!.item_tax_code = 2; // someone else changed it after the pull
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    expect(await screen.findByText(/1 conflict\./)).toBeTruthy();
    expect(services.status.get(3)?.status).toBe("Conflict");
    expect(services.status.get(3)?.message).toMatch(/item_tax_code \(was 1, Halo has 2\)/);
    expect(services.halo.posts).toHaveLength(0);
    const attention = screen.getByRole("list", { name: "Rows that need attention" });
    expect(attention.textContent).toMatch(/^Row 3: Conflict: changed in Halo since the pull: item_tax_code/);
    await press(user, "New push");
    const overwrite = await screen.findByRole("checkbox", { name: /Overwrite conflicts/ });
    act(() => overwrite.focus());
    await user.keyboard(" ");
    await press(user, "Push");
    expect(await screen.findByText(/1 updated/)).toBeTruthy();
    expect(services.halo.records.get(2)?.item_tax_code).toBe(3);
  });

  it("a failed row: its message, Select failed rows, Retry failed sends it alone", async () => {
    const services = pulledSheet([
      [1, "Acme", 3, "Standard"],
      [2, "Bolt", 3, "Standard"],
      [3, "Crane", 3, "Zero"],
    ]);
    services.halo.poison.add(2);
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    expect(await screen.findByText(/2 updated, 1 failed/)).toBeTruthy();
    expect(screen.getByText(/Row 3: Failed: Record 2: name is not valid/)).toBeTruthy();
    await press(user, "Select failed rows");
    expect(services.selectedRows).toEqual([[3]]);
    services.halo.poison.clear();
    await press(user, "Retry failed");
    expect(await screen.findByText("Retry finished")).toBeTruthy();
    expect(services.halo.posts.at(-1)).toEqual([{ id: 2, item_tax_code: 3 }]);
    expect(services.status.get(3)?.status).toBe("Updated");
  });

  it("running: progress with requests and waits; Pause, Resume, Cancel leave the rest NotSent", async () => {
    const rows = Array.from({ length: 350 }, (_, i) => [i + 1, `C${i + 1}`, 3, ""]);
    const services = new FakePushServices();
    services.halo.seed(350, (id) => ({ id, item_tax_code: 1 }));
    services.snapshot = {
      headers: ["id", "name", "item_tax_code", "item_tax_code_name"],
      rows: rows.map((r) => [r[0]!, r[1]!, 1, ""]),
    };
    services.selection = clientSelection(rows);
    services.halo.latencyMs = 1000;
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    await waitFor(() => expect(services.halo.posts.length).toBe(1));
    await act(async () => {
      await services.clock.advance(1000);
      await flushAsync();
    });
    expect(await screen.findByText(/100 of 350 rows done/)).toBeTruthy();
    expect(
      screen.getByText(/So far: 101 requests · 1 s elapsed · 0 rate-limit waits · batches of 100 rows/),
    ).toBeTruthy();
    // 250 rows still to read (the conflict check) and 3 batches to send.
    expect(screen.getByText("About 253 more requests, no rate-limit wait expected.")).toBeTruthy();
    expect(screen.getByText(/^About \d+ s left\.$/)).toBeTruthy();
    await press(user, "Pause");
    // The batch in flight (its write takes 1 s) finishes before the run is paused.
    expect(await screen.findByText("Pausing")).toBeTruthy();
    expect(services.halo.posts).toHaveLength(2);
    await act(async () => {
      await services.clock.advance(1000);
      await flushAsync();
    });
    expect(await screen.findByText("Paused")).toBeTruthy();
    expect(screen.getByText(/nothing is being sent/)).toBeTruthy();
    expect(screen.getByText("200 of 350 rows done")).toBeTruthy();
    await press(user, "Resume");
    await waitFor(() => expect(services.halo.posts.length).toBe(3));
    expect(await screen.findByText("Pushing to Halo")).toBeTruthy();
    await press(user, "Cancel");
    expect(await screen.findByText(/The batch in flight finishes/)).toBeTruthy();
    await act(async () => {
      await services.clock.advance(1000);
      await flushAsync();
    });
    expect(await screen.findByText(/300 updated, 50 not sent/)).toBeTruthy();
    expect(services.status.get(351)?.status).toBe("NotSent");
    expect(services.halo.posts).toHaveLength(3);
  });

  it("a rate-limit wait: says the run is waiting and goes on by itself, counts the wait, and the waits ahead", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [i + 1, `C${i + 1}`, 3, ""]);
    const services = new FakePushServices();
    services.halo.seed(150, (id) => ({ id, name: `C${id}`, item_tax_code: 3 }));
    services.pulled = undefined;
    services.snapshot = undefined;
    services.selection = clientSelection(rows);
    services.mapping = { version: 1, entity: "Client", targets: {} };
    services.halo.latencyMs = 1000;
    services.halo.faults.push("ok", "rateLimited");
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    await waitFor(() => expect(services.halo.posts.length).toBe(1), { timeout: 10_000 });
    await act(async () => {
      await services.clock.advance(1000);
      await flushAsync();
    });
    await waitFor(() => expect(services.halo.posts.length).toBe(2), { timeout: 10_000 });
    await act(async () => {
      await services.clock.advance(1000);
      await flushAsync();
    });
    expect(
      await screen.findByText(
        /^Waiting 2 s for Halo's rate limit; the run goes on by itself\. About \d+ s left\.$/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/· 1 rate-limit wait \(2 s, the one under way included\) ·/)).toBeTruthy();
    expect(screen.getByText(/^About \d+ more requests?, ~2 s of rate-limit waits ahead\.$/)).toBeTruthy();
    await act(async () => {
      await services.clock.advance(10_000);
      await flushAsync();
    });
    expect(await screen.findByText(/150 updated\./)).toBeTruthy();
  });

  it("all rows settled while the run is still writing its results: Finishing, not Starting, and nothing to pause", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    let release = (): void => {};
    services.logRun = () => new Promise<void>((resolve) => (release = resolve));
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Dry run");
    expect(await screen.findByText("3 of 3 rows done", {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText("Finishing")).toBeTruthy();
    expect(screen.getByText(/Every row has its result/)).toBeTruthy();
    expect(screen.queryByText(/Starting/)).toBeNull();
    expect(screen.queryByText(/more request/)).toBeNull();
    expect(screen.getByRole("button", { name: "Pause" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("button", { name: "Cancel" }).hasAttribute("disabled")).toBe(true);
    await act(async () => release());
    expect(await screen.findByText("Dry run finished")).toBeTruthy();
  });

  it("a run the pane left running shows as interrupted when the pane opens again", async () => {
    const services = pulledSheet();
    const results: (RowResult | null)[] = [
      { key: 0, rowNumber: 2, status: "Updated", message: "Updated." },
      null,
      null,
    ];
    await services.writeRun({
      version: 1,
      runId: "old",
      sheetId: "sheet-1",
      sheetName: "Clients",
      instanceUrl: "https://acme.halopsa.com",
      entity: "Client",
      dryRun: false,
      startedAt: "2026-01-01T00:00:00Z",
      state: "running",
      rowsTotal: 3,
      requests: 1,
      elapsedMs: 10,
      counts: countResults(results),
      results,
      journal: [],
    });
    show(services);
    expect(
      await screen.findByText(/was interrupted \(the pane or workbook closed\) after 1 of 3 rows/),
    ).toBeTruthy();
    expect(services.runs.get("old")?.state).toBe("interrupted");
  });

  it("a sheet that was not pulled: the user picks the entity", async () => {
    const services = new FakePushServices();
    services.pulled = undefined;
    services.selection = clientSelection([[1, "Acme", 3, ""]]);
    const user = show(services);
    await press(user, "Preview selection");
    const entity = await screen.findByRole("combobox", { name: /Entity/ });
    act(() => entity.focus());
    await user.keyboard("{Enter}");
    await user.keyboard("Client");
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/1 row to update/)).toBeTruthy();
  });

  it("before sending: the requests and the reads for Undo, with the waiting they cost; leaving the reads out sends none", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => [i + 1, `New ${i + 1}`, 3, ""]);
    const services = new FakePushServices();
    services.pulled = undefined;
    services.mapping = { version: 1, entity: "Client", targets: {} };
    services.halo.seed(250, (id) => ({ id, name: `C${id}`, item_tax_code: 3 }));
    services.selection = clientSelection(rows);
    const forecasts: number[] = [];
    Object.assign(services.halo, {
      rateLimitForecast: (requests: number) => {
        forecasts.push(requests);
        return { waits: 1, waitMs: requests > 10 ? 300_000 : 0, lastAdmittedAt: 0 };
      },
    });
    const user = show(services);
    await press(user, "Preview selection");
    const cost = await screen.findByLabelText("Requests");
    expect(cost.textContent).toBe(
      "Sends about 253 requests: 3 writes and 250 reads of the current records first (for Undo and the conflict check). At Halo's rate limit that is ~5 min 0 s of waiting.",
    );
    const reads = screen.getByRole("checkbox", { name: /Read each record before writing it/ });
    act(() => reads.focus());
    await user.keyboard(" ");
    expect(screen.getByRole("checkbox", { name: /off, so this push cannot be undone/ })).toBeTruthy();
    expect(screen.getByLabelText("Requests").textContent).toBe(
      "Sends about 3 requests: 3 writes. No wait for Halo's rate limit expected.",
    );
    await press(user, "Push");
    expect(await screen.findByText(/250 updated\./, {}, { timeout: 10_000 })).toBeTruthy();
    expect(services.halo.gets).toEqual([]);
    expect(services.halo.posts).toHaveLength(3);
    expect(screen.queryByRole("button", { name: "Undo this run" })).toBeNull();
    expect(screen.getByText(/this push cannot be undone/)).toBeTruthy();
  });

  it("not signed in: says so instead of pushing", async () => {
    const services = pulledSheet([PULLED[0]!, [2, "Bolt", 3, "Standard"], PULLED[2]!]);
    services.signedIn = false;
    const user = show(services);
    await press(user, "Preview selection");
    await press(user, "Push");
    expect(await screen.findByText(/Sign in to Halo first/)).toBeTruthy();
  });
});
