/** @jest-environment jsdom */
/* The Pull panel against a fake services object: states, errors, cancel, the large-pull estimate, warnings. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HaloError, costOf, type PullOptions, type PullSource, type PulledTable } from "../../../src/halo";
import type { PullRecord, PullSnapshot } from "../../../src/office/pullRecord";
import { PullCancelled, type WriteOptions } from "../../../src/office/pullWriter";
import { PullPanel } from "../../../src/taskpane/pull/PullPanel";
import type { LandedTable, PullServices, PullTarget } from "../../../src/taskpane/pull/pullServices";

const TABLE: PulledTable = {
  headers: ["id", "name", "item_tax_code"],
  types: ["number", "text", "text"],
  rows: [
    [1, "Acme", "T1"],
    [2, "Beta", "T2"],
  ],
  warnings: [],
  pages: 1,
};

const LANDED: LandedTable = {
  sheetId: "{s-2}",
  sheetName: "Clients with tax code",
  tableName: "Halo_Clients_with_tax_code",
  address: "'Clients with tax code'!A1:C3",
};

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The active sheet's pull in the Refresh tests: 5 clients pulled on 30 November. */
const CLIENTS_PULL: PullRecord = {
  version: 1,
  sheetId: "{s-9}",
  sheetName: "Clients",
  tableName: "Halo_Clients",
  instanceUrl: "https://acme.halopsa.com",
  source: { kind: "entity", entity: "Client" },
  pulledAt: "2026-11-30T09:00:00.000Z",
  headers: ["id", "name"],
  rowCount: 5,
};

class FakePullServices implements PullServices {
  instanceUrl = "https://acme.halopsa.com";
  reports = [
    { id: 12, name: "Clients with tax code" },
    { id: 13, name: "Open tickets by agent" },
  ];
  reads: { source: PullSource; options: PullOptions }[] = [];
  writes: { table: PulledTable; sourceName: string; target: PullTarget; options: WriteOptions }[] = [];
  refreshes: { record: PullRecord; table: PulledTable }[] = [];
  saved: { record: PullRecord; snapshot: PullSnapshot }[] = [];
  remembered: PullSource[] = [];
  active: PullRecord | undefined;
  last: PullSource | undefined;
  records = 120;
  nextRead: Deferred<PulledTable> | undefined;
  readResult: PulledTable | Error = TABLE;
  writeResult: LandedTable | Error = LANDED;
  sheetListeners = new Set<() => void>();
  selectionListeners = new Set<() => void>();
  /** The active cell as Excel would name it; an Error when it cannot be read. */
  activeCell: string | Error = "Sheet1!D4";

  listReports = async (): Promise<{ id: number; name: string }[]> => this.reports;
  estimate = async () => costOf(this.records);
  read = async (source: PullSource, options: PullOptions): Promise<PulledTable> => {
    this.reads.push({ source, options });
    if (this.nextRead) return this.nextRead.promise;
    if (this.readResult instanceof Error) throw this.readResult;
    return this.readResult;
  };
  write = async (table: PulledTable, sourceName: string, target: PullTarget, options: WriteOptions) => {
    this.writes.push({ table, sourceName, target, options });
    if (options.cancelled?.()) throw new PullCancelled();
    options.onProgress?.(table.rows.length, table.rows.length);
    if (this.writeResult instanceof Error) throw this.writeResult;
    return this.writeResult;
  };
  /** Cells the user changed since the pull, as the sheet would report them. */
  edits: string[] = [];
  editsSincePull = async () => this.edits;
  /** When set, Refresh reports one row written and waits for it. */
  nextRefresh: Deferred<void> | undefined;
  refresh = async (record: PullRecord, table: PulledTable, options: WriteOptions) => {
    this.refreshes.push({ record, table });
    if (this.nextRefresh) {
      options.onProgress?.(1, table.rows.length);
      await this.nextRefresh.promise;
    }
    return { ...LANDED, sheetId: record.sheetId, sheetName: record.sheetName, tableName: record.tableName };
  };
  save = async (record: PullRecord, snapshot: PullSnapshot) => {
    this.saved.push({ record, snapshot });
  };
  activeSheetPull = async () => this.active;
  onActiveSheetChanged = (listener: () => void) => {
    this.sheetListeners.add(listener);
    return () => this.sheetListeners.delete(listener);
  };
  activeCellAddress = async () => {
    if (this.activeCell instanceof Error) throw this.activeCell;
    return this.activeCell;
  };
  onSelectionChanged = (listener: () => void) => {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  };
  lastSource = async () => this.last;
  rememberSource = async (source: PullSource) => {
    this.remembered.push(source);
  };
  now = () => new Date("2026-12-01T22:41:00");
}

function show(services: PullServices): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <PullPanel services={services} />
    </FluentProvider>,
  );
}

async function chooseReport(name: string): Promise<void> {
  await screen.findByText("2 saved reports; type to search by name or id.");
  const box = screen.getByRole("combobox", { name: /Saved report/ });
  fireEvent.click(box);
  fireEvent.click(await screen.findByRole("option", { name: new RegExp(name) }, { timeout: 5000 }));
}

function pullButton(): HTMLElement {
  return screen.getByRole("button", { name: "Pull" });
}

describe("Pull panel", () => {
  it("lists saved reports with their id, searchable by name", async () => {
    show(new FakePullServices());
    // The source tabs are a choice named as one, not more panels beside Pull and Fields.
    expect(screen.getByRole("tablist", { name: "Pull from" })).toBeTruthy();
    await screen.findByText("2 saved reports; type to search by name or id.");
    const box = screen.getByRole("combobox", { name: /Saved report/ });
    fireEvent.click(box);
    fireEvent.change(box, { target: { value: "tickets" } });
    expect(
      await screen.findByRole("option", { name: "Open tickets by agent (id 13)" }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole("option", { name: /Clients with tax code/ })).toBeNull();
    expect((pullButton() as HTMLButtonElement).disabled).toBe(true);
  });

  it("pulls a report into a new sheet and says how many rows from where and when, then remembers the source", async () => {
    const services = new FakePullServices();
    show(services);
    await chooseReport("Clients with tax code");
    fireEvent.click(pullButton());
    expect(
      await screen.findByText(
        '2 rows from Clients with tax code at 22:41, on sheet "Clients with tax code".',
      ),
    ).toBeTruthy();
    expect(services.reads[0]!.source).toEqual({
      kind: "report",
      reportId: 12,
      reportName: "Clients with tax code",
    });
    expect(services.writes[0]!.target).toEqual({ kind: "newSheet" });
    expect(services.writes[0]!.sourceName).toBe("Clients with tax code");
    const saved = services.saved[0]!;
    expect(saved.record).toMatchObject({
      version: 1,
      sheetId: "{s-2}",
      tableName: "Halo_Clients_with_tax_code",
      instanceUrl: "https://acme.halopsa.com",
      headers: ["id", "name", "item_tax_code"],
      rowCount: 2,
      pulledAt: new Date("2026-12-01T22:41:00").toISOString(),
    });
    expect(JSON.stringify(saved.record)).not.toMatch(/secret|token/i);
    expect(saved.snapshot).toEqual({ headers: TABLE.headers, rows: TABLE.rows });
    expect(services.remembered).toEqual([saved.record.source]);
    // The sheet now offers Refresh.
    expect(await screen.findByRole("button", { name: "Refresh" })).toBeTruthy();
  });

  it("shows Halo's message for bad SQL as it is, and writes nothing", async () => {
    const services = new FakePullServices();
    services.readResult = new HaloError(
      "Validation",
      "Halo could not run the SQL query: Invalid column name 'nme'.",
    );
    show(services);
    fireEvent.click(screen.getByRole("tab", { name: "SQL" }));
    fireEvent.change(screen.getByRole("textbox", { name: /SQL query/ }), {
      target: { value: "SELECT nme FROM Area" },
    });
    fireEvent.click(pullButton());
    expect(
      await screen.findByText("Halo could not run the SQL query: Invalid column name 'nme'."),
    ).toBeTruthy();
    expect(services.reads[0]!.source).toEqual({ kind: "sql", sql: "SELECT nme FROM Area" });
    expect(services.writes).toHaveLength(0);
    expect(services.saved).toHaveLength(0);
  });

  it("shows rows and pages while reading, and Cancel stops it with nothing written", async () => {
    const services = new FakePullServices();
    services.nextRead = deferred<PulledTable>();
    show(services);
    fireEvent.click(screen.getByRole("tab", { name: "Entity" }));
    fireEvent.change(screen.getByRole("textbox", { name: /Search/ }), { target: { value: "acme" } });
    fireEvent.click(pullButton());
    await waitFor(() => expect(services.reads).toHaveLength(1));
    expect(services.reads[0]!.source).toEqual({
      kind: "entity",
      entity: "Client",
      search: "acme",
      includeInactive: false,
    });
    act(() => services.reads[0]!.options.onProgress?.({ rows: 300, pages: 3, total: 1200 }));
    expect(screen.getByText("Reading from Halo: 300 of 1,200 rows, 3 pages")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(services.reads[0]!.options.signal?.aborted).toBe(true);
    await act(async () => services.nextRead!.reject(new DOMException("aborted", "AbortError")));
    expect(
      await screen.findByText("Pull cancelled: nothing was written; the workbook is as it was."),
    ).toBeTruthy();
    expect(services.writes).toHaveLength(0);
  });

  it("a cancel that comes while writing undoes the write and says so", async () => {
    const services = new FakePullServices();
    services.nextRead = deferred<PulledTable>();
    show(services);
    await chooseReport("Clients with tax code");
    fireEvent.click(pullButton());
    await waitFor(() => expect(services.reads).toHaveLength(1));
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await act(async () => services.nextRead!.resolve(TABLE));
    expect(await screen.findByText(/Pull cancelled: nothing was written/)).toBeTruthy();
    expect(services.saved).toHaveLength(0);
  });

  it("before a large entity pull says what it costs and offers SQL instead", async () => {
    const services = new FakePullServices();
    services.records = 48_000;
    show(services);
    fireEvent.click(screen.getByRole("tab", { name: "Entity" }));
    fireEvent.click(pullButton());
    expect(
      await screen.findByText(
        /Clients: 48,000 records take 481 paged requests, more than Halo's 300 per 5 minutes, so at least 5 minutes of waiting/,
      ),
    ).toBeTruthy();
    expect(services.reads).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Use SQL instead" }));
    expect(((await screen.findByRole("textbox", { name: /SQL query/ })) as HTMLTextAreaElement).value).toBe(
      "SELECT * FROM Area",
    );
    expect(services.reads).toHaveLength(0);
  });

  it("a large pull goes ahead when the user says so", async () => {
    const services = new FakePullServices();
    services.records = 48_000;
    show(services);
    fireEvent.click(screen.getByRole("tab", { name: "Entity" }));
    fireEvent.click(pullButton());
    fireEvent.click(await screen.findByRole("button", { name: "Pull anyway" }));
    await screen.findByText(/2 rows from Clients at 22:41/);
    expect(services.reads).toHaveLength(1);
  });

  it("shows each warning from Halo's checks", async () => {
    const services = new FakePullServices();
    services.readResult = {
      ...TABLE,
      warnings: [
        { kind: "capped", message: "Halo returned exactly 50,000 rows. This result is probably cut short." },
        { kind: "totalChanged", message: "Halo said there were 1,200 records but 1,190 were read." },
      ],
    };
    show(services);
    await chooseReport("Clients with tax code");
    fireEvent.click(pullButton());
    expect(await screen.findByText(/probably cut short/)).toBeTruthy();
    expect(screen.getByText(/1,190 were read/)).toBeTruthy();
  });

  it("0 rows: writes nothing and says why", async () => {
    const services = new FakePullServices();
    services.readResult = {
      headers: ["id"],
      types: ["number"],
      rows: [],
      warnings: [{ kind: "empty", message: "Halo returned no rows. Check the search text." }],
      pages: 1,
    };
    show(services);
    fireEvent.click(screen.getByRole("tab", { name: "Entity" }));
    fireEvent.click(pullButton());
    expect(await screen.findByText("0 rows from Clients: nothing was written.")).toBeTruthy();
    expect(screen.getByText("Halo returned no rows. Check the search text.")).toBeTruthy();
    expect(services.writes).toHaveLength(0);
  });

  it("a write Excel refuses is reported and nothing is saved", async () => {
    const services = new FakePullServices();
    services.writeResult = Object.assign(new Error("too big"), {
      name: "RichApi.Error",
      code: "RequestPayloadSizeLimitExceeded",
    });
    show(services);
    await chooseReport("Clients with tax code");
    fireEvent.click(pullButton());
    expect(
      await screen.findByText(
        /Excel refused the write \(RequestPayloadSizeLimitExceeded\): nothing was kept/,
      ),
    ).toBeTruthy();
    expect(services.saved).toHaveLength(0);
  });

  it("prefills the workbook's last source", async () => {
    const services = new FakePullServices();
    services.last = { kind: "entity", entity: "Asset", search: "laptop", includeInactive: true };
    show(services);
    expect(((await screen.findByRole("textbox", { name: /Search/ })) as HTMLInputElement).value).toBe(
      "laptop",
    );
    expect(
      (screen.getByRole("checkbox", { name: "Include inactive records" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("Refresh runs the sheet's source again into its table and renews the record", async () => {
    const services = new FakePullServices();
    const record: PullRecord = { ...CLIENTS_PULL, entity: "Client" };
    services.active = record;
    show(services);
    expect(await screen.findByText(/5 rows pulled/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText('Refreshed sheet "Clients": 2 rows from Clients at 22:41.')).toBeTruthy();
    expect(services.refreshes[0]!.record).toBe(record);
    expect(services.writes).toHaveLength(0);
    expect(services.saved[0]!.record).toMatchObject({ sheetId: "{s-9}", rowCount: 2, entity: "Client" });
  });

  it("while Refresh writes (it cannot stop once rows move) neither Cancel nor its promise is shown", async () => {
    const services = new FakePullServices();
    services.active = CLIENTS_PULL;
    services.nextRefresh = deferred<void>();
    show(services);
    fireEvent.click(await screen.findByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("Writing to the sheet: 1 of 2 rows")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.queryByText(/Cancel stops it/)).toBeNull();
    await act(async () => services.nextRefresh!.resolve());
    expect(await screen.findByText('Refreshed sheet "Clients": 2 rows from Clients at 22:41.')).toBeTruthy();
  });

  it("Refresh over cells the user changed and has not pushed asks first, names them, and keeps them unless told", async () => {
    const services = new FakePullServices();
    services.active = CLIENTS_PULL;
    services.edits = ["B3", "B4", "C4", "B7", "C9", "B12", "C20"];
    show(services);
    fireEvent.click(await screen.findByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("Refresh would replace your changes")).toBeTruthy();
    expect(
      screen.getByText(
        "7 cells in Halo's columns changed since the pull and not pushed (B3, B4, C4, B7, C9 and 2 more). Refresh replaces them with Halo's values: push them first to keep them, or refresh anyway.",
      ),
    ).toBeTruthy();
    expect(services.refreshes).toHaveLength(0);
    expect((screen.getByRole("button", { name: "Refresh" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Keep my changes" }));
    expect(
      await screen.findByText("Refresh not done: your changes are kept and the sheet is as it was."),
    ).toBeTruthy();
    expect(services.refreshes).toHaveLength(0);
    expect(services.saved).toHaveLength(0);

    // Asked again, the user goes ahead: Halo's values are written.
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    fireEvent.click(await screen.findByRole("button", { name: "Refresh anyway" }));
    expect(await screen.findByText('Refreshed sheet "Clients": 2 rows from Clients at 22:41.')).toBeTruthy();
    expect(services.refreshes).toHaveLength(1);
  });

  it("Refresh appears when the user switches to a pulled sheet", async () => {
    const services = new FakePullServices();
    show(services);
    await waitFor(() => expect(services.sheetListeners.size).toBeGreaterThan(0));
    expect(screen.queryByRole("button", { name: "Refresh" })).toBeNull();
    services.active = {
      ...({} as PullRecord),
      source: { kind: "sql", sql: "SELECT 1" },
      rowCount: 1,
      pulledAt: "x",
    };
    act(() => services.sheetListeners.forEach((notify) => notify()));
    expect(await screen.findByRole("button", { name: "Refresh" })).toBeTruthy();
  });

  it("names the selected cell where the rows would land, and follows the selection and the active sheet", async () => {
    const services = new FakePullServices();
    show(services);
    expect(
      await screen.findByRole("radio", { name: "At the selected cell, Sheet1!D4 (the area must be empty)" }),
    ).toBeTruthy();
    services.activeCell = "Sheet1!F12";
    act(() => services.selectionListeners.forEach((notify) => notify()));
    expect(
      await screen.findByRole("radio", { name: "At the selected cell, Sheet1!F12 (the area must be empty)" }),
    ).toBeTruthy();
    services.activeCell = "'Open tickets'!A1";
    act(() => services.sheetListeners.forEach((notify) => notify()));
    const option = await screen.findByRole("radio", {
      name: "At the selected cell, 'Open tickets'!A1 (the area must be empty)",
    });
    // Chosen and pulled, the rows go to the selection (src/office writes at the active cell).
    fireEvent.click(option);
    await chooseReport("Clients with tax code");
    fireEvent.click(screen.getByRole("button", { name: "Pull" }));
    await waitFor(() => expect(services.writes).toHaveLength(1));
    expect(services.writes[0]!.target).toEqual({ kind: "selection" });
  });

  it("without a readable active cell the option reads as before, and a closed pane stops listening", async () => {
    const services = new FakePullServices();
    services.activeCell = new Error("The cell is being edited.");
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <PullPanel services={services} />
      </FluentProvider>,
    );
    expect(
      await screen.findByRole("radio", { name: "At the selected cell (the area must be empty)" }),
    ).toBeTruthy();
    expect(services.selectionListeners.size).toBe(1);
    unmount();
    expect(services.selectionListeners.size).toBe(0);
    expect(services.sheetListeners.size).toBe(0);
  });
});
