/* Hidden rows, a table column's values filter, and a selection of several blocks, as Excel's API has them. */
import { Workbook } from "../../../workbench/model/workbook";
import { excelRun } from "./excelRun";
import { OfficeExtensionError } from "../../../workbench/excel/errors";

function setup() {
  const model = new Workbook();
  const run = excelRun(model);
  const sheet = model.getActiveSheet().id;
  model.setValues(sheet, 0, 0, [
    ["id", "name"],
    [1, "Acme"],
    [2, "Bolt"],
    [3, "Crane"],
    [4, "Dane"],
  ]);
  return { model, run, sheet };
}

async function rowHidden(run: ReturnType<typeof setup>["run"], address: string): Promise<boolean | null> {
  return run(async (ctx) => {
    const range = ctx.workbook.worksheets.getActiveWorksheet().getRange(address);
    range.load("rowHidden");
    await ctx.sync();
    return range.rowHidden;
  });
}

/** A1:B5 as a table, row 5 hidden by hand, the name column filtered to Acme and Crane (rows 3 and 5 hidden). */
async function tableFilteredByName(run: ReturnType<typeof setup>["run"]): Promise<void> {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const table = ws.tables.add("A1:B5", true);
    ws.getRange("A5").rowHidden = true;
    table.columns.getItem("name").filter.applyValuesFilter(["Acme", "Crane"]);
    await ctx.sync();
  });
}

describe("Range.rowHidden", () => {
  it("is false with no row hidden, true with all, null with some (Excel's rule)", async () => {
    const { run } = setup();
    expect(await rowHidden(run, "A2:B5")).toBe(false);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A3").rowHidden = true;
      await ctx.sync();
    });
    expect(await rowHidden(run, "A3")).toBe(true);
    expect(await rowHidden(run, "B3:B3")).toBe(true);
    expect(await rowHidden(run, "A2:B5")).toBeNull();
    expect(await rowHidden(run, "A:A")).toBeNull();
    expect(await rowHidden(run, "A4:B5")).toBe(false);
  });

  it("showing a row again makes it visible; a non-boolean is refused", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange("2:3");
      range.rowHidden = true;
      await ctx.sync();
      range.rowHidden = false;
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([]);
    const error = await run(async (ctx) => {
      (ctx.workbook.worksheets.getActiveWorksheet().getRange("A2") as { rowHidden: unknown }).rowHidden =
        "yes";
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect((error as OfficeExtensionError).code).toBe("InvalidArgument");
  });
});

describe("a table column's values filter", () => {
  it("hides the data rows whose text is not among the values (rowHidden reads them hidden); clear shows them, not rows hidden by hand", async () => {
    const { run, model, sheet } = setup();
    await tableFilteredByName(run);
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([2, 4]);
    expect(await rowHidden(run, "A3")).toBe(true);
    expect(await rowHidden(run, "A1:B2")).toBe(false);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().tables.getItemAt(0).columns.getItemAt(1).filter.clear();
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([4]);
  });

  it("Table.clearFilters shows the filtered rows again", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const table = ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B5", true);
      table.columns.getItemAt(0).filter.applyValuesFilter(["1"]);
      await ctx.sync();
      expect(model.rowVisibility.hiddenRows(sheet)).toEqual([2, 3, 4]);
      table.clearFilters();
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([]);
  });
});

describe("Table.reapplyFilters", () => {
  it("filters the rows as they are now (a filter is applied once, like Excel); clearFilters removes the filters, so reapplying then hides nothing", async () => {
    const { run, model, sheet } = setup();
    await tableFilteredByName(run);
    await run(async (ctx) => {
      // The values move: Acme and Crane now sit on the rows the filter hid.
      ctx.workbook.worksheets.getActiveWorksheet().getRange("B2:B5").values = [
        ["Bolt"],
        ["Acme"],
        ["Dane"],
        ["Crane"],
      ];
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([2, 4]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().tables.getItemAt(0).reapplyFilters();
      await ctx.sync();
    });
    // Row 5 (index 4) was hidden by hand and stays hidden though the filter keeps Crane.
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([1, 3, 4]);
    await run(async (ctx) => {
      const table = ctx.workbook.worksheets.getActiveWorksheet().tables.getItemAt(0);
      table.clearFilters();
      table.reapplyFilters();
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([4]);
  });

  it("a column filter cleared is not applied again", async () => {
    const { run, model, sheet } = setup();
    await run(async (ctx) => {
      const table = ctx.workbook.worksheets.getActiveWorksheet().tables.add("A1:B5", true);
      table.columns.getItemAt(0).filter.applyValuesFilter(["1"]);
      table.columns.getItemAt(1).filter.applyValuesFilter(["Acme", "Bolt"]);
      table.columns.getItemAt(0).filter.clear();
      table.reapplyFilters();
      await ctx.sync();
    });
    expect(model.rowVisibility.hiddenRows(sheet)).toEqual([3, 4]);
  });
});

describe("Worksheet.getRanges(...).select()", () => {
  it("selects every block; getSelectedRange then fails as Excel's does for a selection of several", async () => {
    const { run, model } = setup();
    const address = await run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getActiveWorksheet().getRanges("A2:B2, A4:B5");
      areas.load("address,areaCount");
      areas.select();
      await ctx.sync();
      expect(areas.areaCount).toBe(2);
      return areas.address;
    });
    expect(address).toBe("Sheet1!A2:B2, Sheet1!A4:B5");
    expect(model.getSelection().areas).toEqual([
      { row: 1, col: 0, rowCount: 1, colCount: 2 },
      { row: 3, col: 0, rowCount: 2, colCount: 2 },
    ]);
    const error = await run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load("address");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect((error as OfficeExtensionError).code).toBe("InvalidSelection");
    model.setSelection(model.getActiveSheet().id, { row: 0, col: 0, rowCount: 1, colCount: 1 });
    expect(model.getSelection().areas).toBeUndefined();
  });

  it("one block selects as Range.select does; a bad address is InvalidArgument", async () => {
    const { run, model } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRanges("B3:B4").select();
      await ctx.sync();
    });
    expect(model.getSelection()).toMatchObject({ rect: { row: 2, col: 1, rowCount: 2, colCount: 1 } });
    expect(model.getSelection().areas).toBeUndefined();
    const error = await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRanges("A1, nonsense!!").select();
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect((error as OfficeExtensionError).code).toBe("InvalidArgument");
  });
});

describe("merged cells", () => {
  it("merge keeps the top-left value; getMergedAreasOrNullObject finds each area whose top-left cell is in the range, whole", async () => {
    const { run, model, sheet } = setup();
    const found = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A2:B3").merge();
      ws.getRange("A4:B5").merge(true);
      const both = ws.getRange("A2:B4").getMergedAreasOrNullObject();
      both.load("address,areaCount");
      // A2:B3 meets A3:B4 but starts above it: Excel leaves it out (office-js issue 3611, by design).
      const lower = ws.getRange("A3:B4").getMergedAreasOrNullObject();
      lower.load("address");
      const none = ws.getRange("A1:B1").getMergedAreasOrNullObject();
      none.load("address");
      await ctx.sync();
      return { both: both.address, count: both.areaCount, lower: lower.address, none: none.isNullObject };
    });
    expect(found).toEqual({
      both: "Sheet1!A2:B3, Sheet1!A4:B4",
      count: 2,
      lower: "Sheet1!A4:B4",
      none: true,
    });
    expect(model.getValues(sheet, { row: 1, col: 0, rowCount: 4, colCount: 2 })).toEqual([
      [1, null],
      [null, null],
      [3, null],
      [4, null],
    ]);
  });

  it("getMergedAreasOrNullObject fails for more than 512 areas, as Excel documents", async () => {
    const { run } = setup();
    const areas = (address: string) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        const merged = ws.getRange(address).getMergedAreasOrNullObject();
        merged.load("areaCount");
        await ctx.sync();
        return merged.areaCount;
      });
    await run(async (ctx) => {
      // 513 rows, each merged across two cells: C1:D1 ... C513:D513.
      ctx.workbook.worksheets.getActiveWorksheet().getRange("C1:D513").merge(true);
      await ctx.sync();
    });
    expect(await areas("C1:D512")).toBe(512);
    const error = await areas("C1:D513").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeExtensionError);
    expect((error as OfficeExtensionError).code).toBe("GeneralException");
  });

  it("a merge overlapping a merged area is refused; unmerge frees the cells", async () => {
    const { run, model, sheet } = setup();
    const error = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange("A2:A3").merge();
      await ctx.sync();
      ws.getRange("A3:B3").merge();
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect((error as OfficeExtensionError).code).toBe("InvalidOperation");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange("A3").unmerge();
      await ctx.sync();
    });
    expect(model.mergedAreas.within(sheet, { row: 0, col: 0, rowCount: 10, colCount: 2 })).toEqual([]);
  });
});
