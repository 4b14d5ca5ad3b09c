/* Excel's API rules, exercised from inside the task pane page as the add-in meets them:
   - reading a property that was not loaded fails with PropertyNotLoaded;
   - a sync whose request exceeds 5 MB fails with RequestPayloadSizeLimitExceeded and writes nothing;
   - 50,000 rows x 20 columns written in chunks that each stay under the limit land complete. */
import { expect, test } from "./harness/fixtures";

/** The error code an Excel.run rejected with, or "" when it succeeded. */
type ErrorCode = string;

test("excel rules: reading an unloaded property fails with PropertyNotLoaded", async ({ pane }) => {
  const code: ErrorCode = await pane.evaluate(async () => {
    try {
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
        await context.sync();
        return range.values; // never loaded: Excel refuses
      });
      return "";
    } catch (error) {
      return (error as OfficeExtension.Error).code;
    }
  });
  expect(code).toBe("PropertyNotLoaded");
});

test("excel rules: a 6 MB write fails with RequestPayloadSizeLimitExceeded and changes nothing", async ({
  pane,
}) => {
  const outcome = await pane.evaluate(async () => {
    const rows = 3000;
    const cell = "x".repeat(100); // 3,000 x 20 x 100 characters: 6 MB of values
    const values = Array.from({ length: rows }, () => Array.from({ length: 20 }, () => cell));
    let code = "";
    try {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange(`A1:T${rows}`).values = values;
        await context.sync();
      });
    } catch (error) {
      code = (error as OfficeExtension.Error).code;
    }
    const used = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
      range.load("address");
      await context.sync();
      return range.isNullObject ? "" : range.address;
    });
    return { code, used };
  });
  expect(outcome.code).toBe("RequestPayloadSizeLimitExceeded");
  expect(outcome.used, "nothing of the rejected write landed").toBe("");
});

test("excel rules: a chunked 50,000 x 20 write lands complete", async ({ workbench, pane }) => {
  test.slow(); // the largest sheets of the suite
  const result = await pane.evaluate(async () => {
    const rows = 50_000;
    const columns = 20;
    const chunk = 5_000; // about 1.5 MB of values per sync
    const cellValue = (r: number, c: number): string | number =>
      c % 2 === 0 ? r * columns + c : `r${r}c${c}`;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      for (let start = 0; start < rows; start += chunk) {
        const block = Array.from({ length: chunk }, (_, i) =>
          Array.from({ length: columns }, (_, c) => cellValue(start + i, c)),
        );
        sheet.getRangeByIndexes(start, 0, chunk, columns).values = block;
        await context.sync(); // one sync per chunk keeps each request under 5 MB
      }
    });
    // Read everything back, chunk by chunk, and count cells that differ.
    let mismatches = 0;
    let address = "";
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const used = sheet.getUsedRange(true);
      used.load("address");
      for (let start = 0; start < rows; start += chunk) {
        const range = sheet.getRangeByIndexes(start, 0, chunk, columns);
        range.load("values");
        await context.sync();
        range.values.forEach((line, i) =>
          line.forEach((value, c) => {
            if (value !== cellValue(start + i, c)) mismatches += 1;
          }),
        );
      }
      address = used.address;
    });
    return { mismatches, address };
  });
  expect(result.address).toBe("Sheet1!A1:T50000");
  expect(result.mismatches).toBe(0);
  // The grid shows the last row.
  await workbench.goTo("T50000");
  await expect(workbench.cell("T50000")).toHaveText("r49999c19");
  await expect(workbench.cell("S50000")).toHaveText(String(49_999 * 20 + 18));
});
