/**
 * @jest-environment jsdom
 */
/* Office, OfficeRuntime and CustomFunctions globals installed into a window, as the add-in sees them. */
import { Workbook } from "../../../workbench/model/workbook";
import { installOfficeGlobals } from "../../../workbench/excel/install";
import { DocumentSettings } from "../../../workbench/excel/settings";
import { CellError } from "../../../workbench/model/types";

type Globals = {
  Office: typeof Office;
  OfficeRuntime: typeof OfficeRuntime;
  CustomFunctions: typeof CustomFunctions;
  Excel: typeof Excel;
};

function install(model = new Workbook()) {
  installOfficeGlobals(window, model, { memoryStorage: true });
  return { model, g: window as unknown as Globals };
}

describe("Office globals", () => {
  test("Office.onReady resolves with host Excel", async () => {
    const { g } = install();
    const info = await g.Office.onReady();
    expect(info).toEqual({ host: g.Office.HostType.Excel, platform: "OfficeOnline" });
  });

  test("Office.initialize assigned by the page's scripts is called once the page is ready", async () => {
    const { g } = install();
    const called = new Promise((resolve) => {
      (g.Office as unknown as { initialize: (reason: string) => void }).initialize = resolve;
    });
    await expect(called).resolves.toBe("Excel");
  });

  test("add-in code written against the globals runs unchanged: Excel.run, sync, OfficeExtension.Error", async () => {
    const { g, model } = install();
    await g.Office.onReady();
    const address = await g.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1:B2").values = [
        ["id", "name"],
        [1, "Acme"],
      ];
      const used = sheet.getUsedRange();
      used.load("address");
      await context.sync();
      return used.address;
    });
    expect(address).toBe("Sheet1!A1:B2");
    expect(model.getValue(model.getActiveSheet().id, 1, 1)).toBe("Acme");
    const failure = await g.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      await context.sync();
      return range.values;
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(
      (window as unknown as { OfficeExtension: { Error: new () => Error } }).OfficeExtension.Error,
    );
  });

  test("document settings: set/get/remove in memory, saveAsync keeps them for the workbook", async () => {
    const model = new Workbook();
    const { g } = install(model);
    const settings = g.Office.context.document.settings;
    settings.set("instance", { url: "https://halo.example" });
    expect(settings.get("instance")).toEqual({ url: "https://halo.example" });
    settings.remove("instance");
    expect(settings.get("instance")).toBeNull();
    settings.set("kept", 1);
    const status = await new Promise((resolve) => settings.saveAsync((r) => resolve(r.status)));
    expect(status).toBe("succeeded");
    expect(g.Office.context.document.settings.get("kept")).toBe(1);
  });

  test("OfficeRuntime.storage stores strings asynchronously", async () => {
    const { g } = install();
    await g.OfficeRuntime.storage.setItem("token-ref", "abc");
    await expect(g.OfficeRuntime.storage.getItem("token-ref")).resolves.toBe("abc");
    await g.OfficeRuntime.storage.removeItem("token-ref");
    await expect(g.OfficeRuntime.storage.getItem("token-ref")).resolves.toBeNull();
  });

  test("OfficeRuntime.storage refuses non-string values and more than 10 MB, keeping what it had", async () => {
    const { g } = install();
    const storage = g.OfficeRuntime.storage;
    await storage.setItem("kept", "yes");
    await expect(storage.setItem("n", 5 as unknown as string)).rejects.toThrow(/strings only/);
    await expect(storage.setItems({ big: "x".repeat(10 * 1024 * 1024), other: "y" })).rejects.toThrow(
      /10 MB/,
    );
    await expect(storage.getItems(["kept", "big", "other", "n"])).resolves.toEqual({
      kept: "yes",
      big: null,
      other: null,
      n: null,
    });
  });

  test("document settings: another page on the workbook sees a setting only once it is saved", async () => {
    const model = new Workbook();
    const writer = new DocumentSettings(model);
    writer.set("instance", "https://halo.example");
    expect(new DocumentSettings(model).get("instance")).toBeNull();
    await new Promise((resolve) => writer.saveAsync(resolve));
    expect(new DocumentSettings(model).get("instance")).toBe("https://halo.example");
    expect(() => writer.set("fn", () => 1)).toThrow(TypeError);
  });

  test("CustomFunctions.associate makes HALO.* callable; CustomFunctions.Error shows its code", () => {
    const model = new Workbook();
    const { g } = install(model);
    model.customFunctions.loadMetadata(
      { functions: [{ id: "CHECK", name: "CHECK", parameters: [{ name: "x", type: "number" }] }] },
      "HALO",
    );
    g.CustomFunctions.associate("CHECK", (x: number) => {
      if (x < 0) throw new g.CustomFunctions.Error(g.CustomFunctions.ErrorCode.invalidValue, "negative");
      return x + 1;
    });
    const sheet = model.getActiveSheet().id;
    model.setCellInput(sheet, 0, 0, "=HALO.CHECK(1)");
    model.setCellInput(sheet, 1, 0, "=HALO.CHECK(-1)");
    expect(model.getValue(sheet, 0, 0)).toBe(2);
    expect(model.getValue(sheet, 1, 0)).toEqual(new CellError("#VALUE!", "negative"));
  });

  test("displayDialogAsync opens a popup; messageParent raises DialogMessageReceived", async () => {
    const { g } = install();
    const popup = { closed: false, close: jest.fn(), postMessage: jest.fn() } as unknown as Window;
    const open = jest.spyOn(window, "open").mockReturnValue(popup);
    const dialog = await new Promise<Office.Dialog>((resolve, reject) =>
      g.Office.context.ui.displayDialogAsync("/dialog.html", { height: 60, width: 30 }, (result) =>
        String(result.status) === "succeeded" ? resolve(result.value) : reject(result.error),
      ),
    );
    expect(open).toHaveBeenCalledWith("http://localhost/dialog.html", "_blank", expect.any(String));
    const received = new Promise((resolve) =>
      dialog.addEventHandler(g.Office.EventType.DialogMessageReceived, (args) => resolve(args)),
    );
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { type: "workbench:dialogMessage", message: "code=123" },
        origin: "http://localhost",
        source: popup as unknown as MessageEventSource,
      }),
    );
    await expect(received).resolves.toMatchObject({ message: "code=123" });
    const second = await new Promise<Office.AsyncResult<Office.Dialog>>((resolve) =>
      g.Office.context.ui.displayDialogAsync("/dialog.html", {}, resolve),
    );
    expect(second.error.code).toBe(12007);
    dialog.close();
    expect(popup.close).toHaveBeenCalled();
    const foreign = await new Promise<Office.AsyncResult<Office.Dialog>>((resolve) =>
      g.Office.context.ui.displayDialogAsync("https://elsewhere.example/x", {}, resolve),
    );
    expect(foreign.error.code).toBe(12004);
  });
});
