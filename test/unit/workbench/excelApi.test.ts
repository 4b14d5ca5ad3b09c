/* The Excel JavaScript API emulation, rule by rule, as Excel documents it. */
import { Workbook } from "../../../workbench/model/workbook";
import { excelRun, type Ctx } from "./excelRun";
import { OfficeExtensionError } from "../../../workbench/excel/errors";
import { jsonBytes } from "../../../workbench/excel/clientObject";
import { fakeTimeouts, runScheduledTimeouts } from "../../fakes/fakeTimeouts";
import { cpuStopwatch } from "../../fakes/cpuStopwatch";

afterEach(() => jest.useRealTimers());

function setup() {
  const model = new Workbook();
  const run = excelRun(model);
  /** The error code of a batch that is queued and synced, for rules that refuse one call. */
  const codeOf = (batch: (ctx: Ctx) => void) =>
    errorOf(
      run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      }),
    ).then((error) => error.code);
  return { model, run, codeOf, sheet: model.getActiveSheet().id };
}

async function errorOf(promise: Promise<unknown>): Promise<OfficeExtensionError> {
  try {
    await promise;
  } catch (error) {
    return error as OfficeExtensionError;
  }
  throw new Error("expected a rejection");
}

describe("proxy objects and sync", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
    const { run } = setup();
    const error = await errorOf(
      run(async (ctx) => {
        const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1");
        await ctx.sync();
        return range.values;
      }),
    );
    expect(error).toBeInstanceOf(OfficeExtensionError);
    expect(error.code).toBe("PropertyNotLoaded");
  });

  test("loaded properties are readable only after sync", async () => {
    const { run, model, sheet } = setup();
    model.setCellInput(sheet, 0, 0, "5");
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.load("values, address, rowCount, columnCount");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([[5, ""]]);
      expect(range.address).toBe("Sheet1!A1:B1");
      expect([range.rowCount, range.columnCount]).toEqual([1, 2]);
    });
  });

  test("writes are queued and applied only on sync", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B1").values = [[1, "x"]];
      expect(model.getValue(sheet, 0, 0)).toBeNull();
      await Promise.resolve();
      expect(model.getValue(sheet, 0, 0)).toBeNull();
      await ctx.sync();
      expect(model.getValues(sheet, { row: 0, col: 0, rowCount: 1, colCount: 2 })).toEqual([[1, "x"]]);
    });
  });

  test("Excel.run syncs what is queued when the batch resolves, and nothing when it throws", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["kept"]];
    });
    expect(model.getValue(sheet, 0, 0)).toBe("kept");
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A2").values = [["dropped"]];
        throw new Error("the batch failed");
      }),
    ).rejects.toThrow("the batch failed");
    expect(model.getValue(sheet, 1, 0)).toBeNull();
  });

  test("a 6 MB write fails with RequestPayloadSizeLimitExceeded and writes nothing", async () => {
    const { run, model, sheet } = setup();
    const rows = 6000;
    const text = "x".repeat(1000);
    const error = await errorOf(
      run(async (ctx) => {
        const range = ctx.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, rows, 1);
        range.values = Array.from({ length: rows }, () => [text]);
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.getValue(sheet, 0, 0)).toBeNull();
  });

  test("a values array of the wrong size fails with InvalidArgument", async () => {
    const { run } = setup();
    const error = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2, 3]];
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  test("ragged arrays, a 1x1 array for a block, and wrong-sized formulas or numberFormat fail with InvalidArgument", async () => {
    const { run, model, sheet } = setup();
    const writes: Array<(range: Excel.Range) => void> = [
      (r) => (r.values = [[1, 2], [3]]),
      (r) => (r.values = [[1]]),
      (r) => (r.values = []),
      (r) => (r.formulas = [["=1", "=2"]]),
      (r) => (r.numberFormat = [["0"], ["0"]]),
    ];
    for (const write of writes) {
      const error = await errorOf(
        run(async (ctx) => {
          write(ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B2"));
          await ctx.sync();
        }),
      );
      expect(error.code).toBe("InvalidArgument");
    }
    expect(model.getValues(sheet, { row: 0, col: 0, rowCount: 2, colCount: 2 })).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  test("null in a 2-D array leaves that cell unchanged; null for the whole property is invalid", async () => {
    const { run, model, sheet } = setup();
    model.setValues(sheet, 0, 0, [["keep", "old"]]);
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      range.values = [[null, "new"]];
      range.numberFormat = [[null, "@"]];
      await ctx.sync();
    });
    expect(model.getValues(sheet, { row: 0, col: 0, rowCount: 1, colCount: 2 })).toEqual([["keep", "new"]]);
    expect(model.getNumberFormats(sheet, { row: 0, col: 0, rowCount: 1, colCount: 2 })).toEqual([
      ["General", "@"],
    ]);
    const error = await errorOf(
      run(async (ctx) => {
        (ctx.workbook.worksheets.getActiveWorksheet().getRange("A1") as unknown as { values: null }).values =
          null;
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  test("a 50,000 x 20 write in chunks under 5 MB lands complete", async () => {
    const { run, model, sheet } = setup();
    const rows = 50_000;
    const cols = 20;
    const chunk = 5_000;
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      for (let start = 0; start < rows; start += chunk) {
        const block = Array.from({ length: chunk }, (_, i) =>
          Array.from({ length: cols }, (_, c) => `r${start + i}c${c}`),
        );
        ws.getRangeByIndexes(start, 0, chunk, cols).values = block;
        await ctx.sync();
      }
    });
    expect(model.usedRange(sheet)).toEqual({ row: 0, col: 0, rowCount: rows, colCount: cols });
    expect(model.getValue(sheet, rows - 1, cols - 1)).toBe(`r${rows - 1}c${cols - 1}`);
    expect(model.getValue(sheet, 12_345, 7)).toBe("r12345c7");
  });

  test("loading more than 5 MB in one sync fails with ResponsePayloadSizeLimitExceeded", async () => {
    const { run, model, sheet } = setup();
    model.setValues(
      sheet,
      0,
      0,
      Array.from({ length: 6000 }, () => ["y".repeat(1000)]),
    );
    const error = await errorOf(
      run(async (ctx) => {
        const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A6000").load("values");
        await ctx.sync();
        return range.values;
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("loading the values of a whole sheet is refused before it is built", async () => {
    const { run } = setup();
    const error = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange().load("values");
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("a sync is a separate task but not a slow one: 2,000 syncs take well under two seconds", async () => {
    const { run, model, sheet } = setup();
    const cpuMs = cpuStopwatch();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      for (let i = 0; i < 2000; i++) {
        ws.getCell(i, 0).values = [[i]];
        await ctx.sync();
      }
    });
    expect(cpuMs()).toBeLessThan(2000);
    expect(model.getValue(sheet, 1999, 0)).toBe(1999);
  });

  test("objects from a finished Excel.run cannot be used", async () => {
    const { run } = setup();
    let saved: { range: Excel.Range; ctx: Ctx } | undefined;
    await run(async (ctx) => {
      saved = { range: ctx.workbook.worksheets.getActiveWorksheet().getRange("A1"), ctx };
    });
    saved!.range.load("values");
    const error = await errorOf(saved!.ctx.sync());
    expect(error.code).toBe("InvalidObjectPath");
  });
});

describe("worksheets", () => {
  test("add, getItem, getItemOrNullObject, items, visibility, activate", async () => {
    const { run, model } = setup();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const added = sheets.add("Data");
      added.load("name, id");
      const missing = sheets.getItemOrNullObject("Nope");
      await ctx.sync();
      expect(added.name).toBe("Data");
      expect(missing.isNullObject).toBe(true);
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
      const data = sheets.getItem("Data");
      data.activate();
      await ctx.sync();
      expect(model.getActiveSheet().name).toBe("Data");
      sheets.getItem("Sheet1").visibility = "Hidden";
      await ctx.sync();
    });
    expect(model.getSheet("Sheet1")?.visibility).toBe("Hidden");
    const error = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });

  test("sheet rules: unique valid names, one visible sheet at least, hidden sheets cannot be activated", async () => {
    const { run, model, codeOf } = setup();
    expect(await codeOf((ctx) => ctx.workbook.worksheets.add("sheet1"))).toBe("ItemAlreadyExists");
    expect(await codeOf((ctx) => ctx.workbook.worksheets.add("a/b"))).toBe("InvalidArgument");
    expect(await codeOf((ctx) => ctx.workbook.worksheets.add("x".repeat(32)))).toBe("InvalidArgument");
    expect(await codeOf((ctx) => (ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden"))).toBe(
      "InvalidOperation",
    );
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Hidden").visibility = "Hidden";
      await ctx.sync();
    });
    expect(await codeOf((ctx) => ctx.workbook.worksheets.getItem("Hidden").activate())).toBe(
      "InvalidOperation",
    );
    expect(model.getActiveSheet().name).toBe("Sheet1");
    // Hiding the active sheet is allowed while another is visible; Excel then activates a visible one.
    const active = await run(async (ctx) => {
      const data = ctx.workbook.worksheets.add("Data");
      data.activate();
      await ctx.sync();
      data.visibility = "Hidden";
      const now = ctx.workbook.worksheets.getActiveWorksheet().load("name, visibility");
      await ctx.sync();
      return [now.name, now.visibility];
    });
    expect(active).toEqual(["Sheet1", "Visible"]);
  });

  test("used range: values only, and A1 for a blank sheet", async () => {
    const { run, model, sheet } = setup();
    model.setValues(sheet, 2, 1, [
      [1, 2],
      [3, 4],
    ]);
    model.fillNumberFormat(sheet, { row: 9, col: 5, rowCount: 1, colCount: 1 }, "0.00");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const values = ws.getUsedRange(true).load("address");
      const all = ws.getUsedRange().load("address");
      const blank = ctx.workbook.worksheets.add("Blank");
      const blankUsed = blank.getUsedRange().load("address");
      const blankOrNull = blank.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(values.address).toBe("Sheet1!B3:C4");
      expect(all.address).toBe("Sheet1!B3:F10");
      expect(blankUsed.address).toBe("Blank!A1");
      expect(blankOrNull.isNullObject).toBe(true);
    });
  });
});

describe("ranges", () => {
  test("offsets, resizing, intersections, cells, rows, columns, entire rows/columns, last row", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const base = ws.getRange("B2:D5");
      const list = [
        base.getOffsetRange(1, 1),
        base.getResizedRange(1, -1),
        base.getIntersection("C1:C10"),
        base.getCell(1, 2),
        base.getRow(0),
        base.getColumn(2),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getLastRow(),
      ].map((r) => r.load("address"));
      const none = base.getIntersectionOrNullObject("Z1");
      const idx = base.load("rowIndex, columnIndex");
      await ctx.sync();
      expect(list.map((r) => r.address)).toEqual([
        "Sheet1!C3:E6",
        "Sheet1!B2:C6",
        "Sheet1!C2:C5",
        "Sheet1!D3",
        "Sheet1!B2:D2",
        "Sheet1!D2:D5",
        "Sheet1!2:5",
        "Sheet1!B:D",
        "Sheet1!B5:D5",
      ]);
      expect(none.isNullObject).toBe(true);
      expect([idx.rowIndex, idx.columnIndex]).toEqual([1, 1]);
    });
  });

  test("formulas, numberFormat, text and clear", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
      r.formulas = [[2, "=A1*1.5"]];
      r.numberFormat = [["General", "0.00"]];
      r.load("values, formulas, text");
      await ctx.sync();
      expect(r.values).toEqual([[2, 3]]);
      expect(r.formulas).toEqual([[2, "=A1*1.5"]]);
      expect(r.text).toEqual([["2", "3.00"]]);
      r.clear();
      await ctx.sync();
    });
    expect(model.usedRange(sheet)).toBeNull();
  });

  test("the selection API returns exactly the selected values, and select() moves it", async () => {
    const { run, model, sheet } = setup();
    const rows = 10_000;
    const block = Array.from({ length: rows }, (_, i) => [i, `name ${i}`, i % 2 === 0]);
    model.setValues(sheet, 0, 0, block);
    model.setSelection(sheet, { row: 0, col: 0, rowCount: rows, colCount: 3 });
    await run(async (ctx) => {
      const selected = ctx.workbook.getSelectedRange().load("values, address");
      await ctx.sync();
      expect(selected.address).toBe("Sheet1!A1:C10000");
      expect(selected.values).toEqual(block);
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:C3").select();
      await ctx.sync();
    });
    expect(model.getSelection().rect).toEqual({ row: 1, col: 1, rowCount: 2, colCount: 2 });
  });

  test("onSelectionChanged handlers receive Excel's event arguments", async () => {
    fakeTimeouts();
    const { run, model, sheet } = setup();
    const seen: Excel.WorksheetSelectionChangedEventArgs[] = [];
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().onSelectionChanged.add(async (args) => {
        seen.push(args);
      });
      await ctx.sync();
    });
    model.setSelection(sheet, { row: 2, col: 1, rowCount: 2, colCount: 1 });
    await runScheduledTimeouts();
    expect(seen).toEqual([
      { type: "WorksheetSelectionChanged", source: "Local", worksheetId: sheet, address: "B3:B4" },
    ]);
  });

  test("an event handler is registered by the next sync and removed by remove() and a sync", async () => {
    fakeTimeouts();
    const { run, model, sheet } = setup();
    const seen: string[] = [];
    const settle = runScheduledTimeouts;
    const select = (row: number) => model.setSelection(sheet, { row, col: 0, rowCount: 1, colCount: 1 });
    await run(async (ctx) => {
      const registration = ctx.workbook.worksheets
        .getActiveWorksheet()
        .onSelectionChanged.add(async (args) => {
          seen.push(args.address);
        });
      select(1); // before the sync: the handler is not registered yet
      await settle();
      await ctx.sync();
      select(2);
      await settle();
      registration.remove();
      select(3); // before the sync: the handler is still registered
      await settle();
      await ctx.sync();
      select(4);
      await settle();
    });
    expect(seen).toEqual(["A3", "A4"]);
  });
});

describe("more worksheet behaviour", () => {
  test("onChanged reports edits by the user and the API (not recalculation); onActivated reports activation", async () => {
    fakeTimeouts();
    const { run, model, sheet } = setup();
    const changed: Excel.WorksheetChangedEventArgs[] = [];
    const activated: Excel.WorksheetActivatedEventArgs[] = [];
    model.setCellInput(sheet, 0, 1, "=A1+1");
    const other = model.addSheet("Other").id;
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (args) => {
        changed.push(args);
      });
      ctx.workbook.worksheets.onActivated.add(async (args) => {
        activated.push(args);
      });
      await ctx.sync();
    });
    model.setCellInput(sheet, 0, 0, "5");
    model.activateSheet(other);
    await runScheduledTimeouts();
    expect(changed.map((c) => [c.address, c.changeType, c.worksheetId])).toEqual([
      ["A1", "RangeEdited", sheet],
    ]);
    expect(activated.map((a) => a.worksheetId)).toEqual([other]);
  });

  test("renaming through name, moving through position, freezing rows", async () => {
    const { run, model } = setup();
    model.addSheet("Second");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Second");
      ws.set({ name: "Renamed", position: 0 });
      ws.freezePanes.freezeRows(1);
      await ctx.sync();
    });
    expect(model.listSheets().map((s) => s.name)).toEqual(["Renamed", "Sheet1"]);
    const error = await errorOf(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("Renamed!A1").load("address");
        await ctx.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("tables and calculation", () => {
  test("tables.add, rows.add, columns, data body and header ranges", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const table = ws.tables.add("A1:C1", true);
      table.getHeaderRowRange().values = [["id", "name", "note"]];
      table.rows.add(undefined, [[1, "a", ""]]);
      table.rows.add(-1, [[2, "b", "x"]]); // -1, like null, is the end
      table.load("name");
      const body = table.getDataBodyRange().load("address, values");
      table.columns.load("items/name");
      const byName = ctx.workbook.tables.getItem("Table1").load("name");
      await ctx.sync();
      expect(table.name).toBe("Table1");
      expect(byName.name).toBe("Table1");
      expect(body.address).toBe("Sheet1!A2:C3");
      expect(body.values).toEqual([
        [1, "a", ""],
        [2, "b", "x"],
      ]);
      expect(table.columns.items.map((c) => c.name)).toEqual(["id", "name", "note"]);
      const rowCount = table.rows.getCount();
      const tables = ctx.workbook.worksheets.getActiveWorksheet().tables.load("count");
      await ctx.sync();
      expect(rowCount.value).toBe(2);
      expect(tables.count).toBe(1);
    });
    expect(model.tables.list(sheet)[0].rect).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 3 });
  });

  test("table rules: no overlap (InvalidOperation), unique names (ItemAlreadyExists), rows as wide as the table", async () => {
    const { run, model, sheet, codeOf } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B3", true);
      await ctx.sync();
    });
    const ws = (ctx: Ctx) => ctx.workbook.worksheets.getActiveWorksheet();
    expect(await codeOf((ctx) => ws(ctx).tables.add("B2:C4", true))).toBe("InvalidOperation");
    expect(await codeOf((ctx) => (ws(ctx).tables.add("E1:F1", true).name = "Table1"))).toBe(
      "ItemAlreadyExists",
    );
    expect(
      await codeOf((ctx) => ctx.workbook.tables.getItem("Table1").rows.add(undefined, [[1, 2, 3]])),
    ).toBe("InvalidArgument");
    expect(model.tables.list(sheet)[0].rect).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 2 });
  });

  test("columns.add inserts a column (header first) at the end or an index; cells to the right move along", async () => {
    const { run, model, sheet, codeOf } = setup();
    model.setValues(sheet, 0, 0, [
      ["id", "name", "beside"],
      [1, "a", "x"],
      [2, "b", "y"],
    ]);
    model.setCellInput(sheet, 5, 0, "=C2");
    await run(async (ctx) => {
      const table = ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B3", true);
      table.columns.add(-1, [["note"], ["n1"], ["n2"]]); // -1, like null, is the end
      const first = table.columns.add(0, undefined, "key");
      first.load("name, index");
      table.columns.load("items/name");
      const all = table.getRange().load("address, values");
      await ctx.sync();
      expect(first.name).toBe("key");
      expect(first.index).toBe(0);
      expect(table.columns.items.map((c) => c.name)).toEqual(["key", "id", "name", "note"]);
      expect(all.address).toBe("Sheet1!A1:D3");
      expect(all.values).toEqual([
        ["key", "id", "name", "note"],
        ["", 1, "a", "n1"],
        ["", 2, "b", "n2"],
      ]);
    });
    expect(model.getValue(sheet, 1, 4)).toBe("x");
    expect(model.getCell(sheet, 5, 0).formula).toBe("=E2");
    const table = (ctx: Ctx) => ctx.workbook.tables.getItem("Table1");
    expect(await codeOf((ctx) => table(ctx).columns.add(undefined, [["short"], ["column"]]))).toBe(
      "InvalidArgument",
    );
    expect(await codeOf((ctx) => table(ctx).columns.add(9))).toBe("InvalidArgument");
    expect(model.tables.list(sheet)[0].rect).toEqual({ row: 0, col: 0, rowCount: 3, colCount: 4 });
  });

  test("table rows delete; Range.insert and Range.delete move cells and the formulas that follow them", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const table = ws.tables.add("A1:B1", true);
      table.getHeaderRowRange().values = [["id", "payload"]];
      table.rows.add(undefined, [
        [1, "=A2*10"],
        [2, "=A3*10"],
        [3, "=A4*10"],
      ]);
      await ctx.sync();
      table.rows.getItemAt(0).delete();
      const body = table.getDataBodyRange().load("address, values");
      await ctx.sync();
      expect(body.address).toBe("Sheet1!A2:B3");
      expect(body.values).toEqual([
        [2, 20],
        [3, 30],
      ]);
      table.rows.deleteRowsAt(1);
      ws.getRange("D1").values = [["=A2"]];
      ws.getRange("1:1").insert("Down");
      const d = ws.getRange("D2").load("formulas, values");
      const tableRange = table.getRange().load("address");
      await ctx.sync();
      expect(d.formulas).toEqual([["=A3"]]);
      expect(d.values).toEqual([[2]]);
      expect(tableRange.address).toBe("Sheet1!A2:B3");
      ws.getRange("A3:B3").delete("Up");
      await ctx.sync();
    });
    expect(model.getCell(sheet, 1, 3).formula).toBe("=#REF!");
  });

  test("rows added to a table get its calculated columns' formulas where no value is given", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const table = ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B1", true);
      table.getHeaderRowRange().values = [["id", "double"]];
      table.rows.add(undefined, [
        [1, "=A2*2"],
        [2, "=A3*2"],
      ]);
      await ctx.sync();
      // null (the API's "leave this cell") is not in the typings of rows.add, hence the cast.
      table.rows.add(undefined, [
        [3, null as unknown as number],
        [4, 99],
      ]);
      table.rows.add();
      await ctx.sync();
    });
    expect(model.getCell(sheet, 3, 1).formula).toBe("=A4*2");
    expect(model.getValue(sheet, 3, 1)).toBe(6);
    expect(model.getCell(sheet, 4, 1)).toMatchObject({ formula: null, value: 99 });
    expect(model.getCell(sheet, 5, 1).formula).toBe("=A6*2");
  });

  test("dependents are recalculated for reads in the same sync, unless calculation is suspended", async () => {
    const { run, model, sheet } = setup();
    model.setCellInput(sheet, 0, 1, "=A1*2");
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A1").values = [[21]];
      const b = ws.getRange("B1").load("values");
      await ctx.sync();
      expect(b.values).toEqual([[42]]);
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ws.getRange("A1").values = [[1]];
      const stale = ws.getRange("B1").load("values");
      await ctx.sync();
      expect(stale.values).toEqual([[42]]);
      const fresh = ws.getRange("B1").load("values");
      await ctx.sync();
      expect(fresh.values).toEqual([[2]]);
    });
  });
});

describe("payload size", () => {
  test("is measured in UTF-8 bytes of the JSON Excel would send", () => {
    expect(jsonBytes([["a"]])).toBe(7);
    expect(jsonBytes([["é"]])).toBe(8);
    expect(jsonBytes([["€"]])).toBe(9);
    expect(jsonBytes([["😀"]])).toBe(10);
  });
});
