/* Pull: a person signs in to the sandbox in the task pane and pulls Halo rows into the workbench's
   sheets with the Pull panel: a saved report into a new sheet, an entity list with a search, a bad SQL
   query (Halo's message shown), 50,000 rows with every sync under Excel's 5 MB limit, "=1+1" landing as
   text, and Refresh after a change in Halo keeping a user formula column filled. */
import assert from "node:assert/strict";
import type { Frame } from "@playwright/test";
import { expect, test } from "./harness/fixtures";
import { demoClientToken } from "./harness/signIn";

const FIVE_MB = 5 * 1024 * 1024;

/** The sandbox as any API user sees it (client credentials, all scopes). */
async function sandboxApi(
  sandboxUrl: string,
): Promise<(path: string, init?: RequestInit) => Promise<unknown>> {
  const token = await demoClientToken(sandboxUrl);
  return async (path, init = {}) => {
    const response = await fetch(`${sandboxUrl}/api${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    return response.json();
  };
}

async function chooseReport(pane: Frame, name: string): Promise<void> {
  await pane.getByText(/saved reports; type to search/).waitFor();
  const box = pane.getByRole("combobox", { name: /Saved report/ });
  await box.click();
  await box.fill(name);
  await pane.getByRole("option", { name: new RegExp(`^${name} \\(id \\d+\\)$`) }).click();
}

/** The used values of a sheet, read through the Excel API in the pane (chunked: responses are limited too). */
function sheetValues(pane: Frame, sheetName: string): Promise<unknown[][]> {
  return pane.evaluate(async (name) => {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const used = sheet.getUsedRange(true);
      used.load("rowCount,columnCount");
      await context.sync();
      const rows: unknown[][] = [];
      for (let start = 0; start < used.rowCount; start += 5000) {
        const range = sheet.getRangeByIndexes(
          start,
          0,
          Math.min(5000, used.rowCount - start),
          used.columnCount,
        );
        range.load("values");
        await context.sync();
        rows.push(...range.values);
      }
      return rows;
    });
  }, sheetName);
}

async function activeSheetName(pane: Frame): Promise<string> {
  return pane.evaluate(() =>
    Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    }),
  );
}

/** SQL that makes `rows` rows of 20 columns on the sandbox (SQLite), without seeding 50,000 clients. */
function syntheticSql(rows: number): string {
  const columns = Array.from(
    { length: 19 },
    (_, c) => `'value ' || n || ' of column ${c + 2}' AS field_${c + 2}`,
  );
  return (
    `WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < ${rows}) ` +
    `SELECT n AS id, ${columns.join(", ")} FROM numbers`
  );
}

test("pull: the saved report 'Clients with tax code' lands in a new sheet with every row", async ({
  signedInPane: pane,
  servers: { sandboxUrl },
}) => {
  await chooseReport(pane, "Clients with tax code");
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  const done = pane.getByText(
    /^[\d,]+ rows? from Clients with tax code at \d\d:\d\d, on sheet "Clients with tax code"\.$/,
  );
  await done.waitFor({ timeout: 60_000 });
  const api = await sandboxApi(sandboxUrl);
  const reports = (await api("/Report?search=Clients%20with%20tax%20code")) as {
    reports: { id: number }[];
  };
  const loaded = (await api(`/Report/${reports.reports[0]!.id}?loadreport=true`)) as {
    report: { rows: unknown[] };
  };
  const expected = loaded.report.rows.length;
  assert.ok(expected > 0);
  assert.match((await done.textContent()) ?? "", new RegExp(`^${expected.toLocaleString("en-US")} rows`));
  assert.equal(await activeSheetName(pane), "Clients with tax code");
  const values = await sheetValues(pane, "Clients with tax code");
  assert.equal(values.length, expected + 1);
  assert.deepEqual(values[0]!.slice(0, 3), ["id", "name", "item_tax_code"]);
  // The sheet remembers its pull: Refresh is offered.
  await pane.getByRole("button", { name: "Refresh" }).waitFor();
});

test("pull: an entity list with a search text lands only the matching records", async ({
  signedInPane: pane,
  servers: { sandboxUrl },
}) => {
  const api = await sandboxApi(sandboxUrl);
  const first = (
    (await api("/Client?pageinate=true&page_size=1&page_no=1")) as { clients: { name: string }[] }
  ).clients[0]!;
  const search = first.name.split(" ")[0]!;
  const matching = (await api(
    `/Client?search=${encodeURIComponent(search)}&pageinate=true&page_size=100&page_no=1`,
  )) as {
    record_count: number;
  };
  await pane.getByRole("tab", { name: "Entity" }).click();
  await pane.getByRole("textbox", { name: /Search/ }).fill(search);
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  await pane
    .getByText(
      new RegExp(`^${matching.record_count.toLocaleString("en-US")} rows? from Clients "${search}" at`),
    )
    .waitFor({ timeout: 60_000 });
  const values = await sheetValues(pane, await activeSheetName(pane));
  assert.equal(values.length, matching.record_count + 1);
  assert.equal(values[0]![0], "id");
});

test("pull: bad SQL shows Halo's message as it is and adds no sheet", async ({
  signedInPane: pane,
  servers: { sandboxUrl },
}) => {
  const api = await sandboxApi(sandboxUrl);
  const answer = (await api("/Report", {
    method: "POST",
    body: JSON.stringify([{ sql: "SELECT nme FROM Area", _loadreportonly: true }]),
  })) as { report: { load_error: string } };
  await pane.getByRole("tab", { name: "SQL" }).click();
  await pane.getByRole("textbox", { name: /SQL query/ }).fill("SELECT nme FROM Area");
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  await pane.getByText(answer.report.load_error, { exact: false }).waitFor({ timeout: 30_000 });
  const sheets = await pane.evaluate(() =>
    Excel.run(async (ctx) => {
      const all = ctx.workbook.worksheets;
      all.load("items/name,items/visibility");
      await ctx.sync();
      return all.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
    }),
  );
  assert.deepEqual(sheets, ["Sheet1"]);
});

test("pull: 50,000 rows x 20 land complete, every sync under 5 MB", async ({
  page,
  workbench,
  signedInPane: pane,
}) => {
  test.slow(); // the largest pull of the suite
  await page.evaluate(() => window.__haloSheetWorkbench!.clearSyncSizes());
  await pane.getByRole("tab", { name: "SQL" }).click();
  await pane.getByRole("textbox", { name: /SQL query/ }).fill(syntheticSql(50_000));
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  await pane.getByText(/^50,000 rows from SQL query at/).waitFor({ timeout: 300_000 });
  // Halo's silent 50,000-row cap is flagged.
  await pane.getByText(/probably cut short/).waitFor();
  const sizes = await page.evaluate(() => window.__haloSheetWorkbench!.syncSizes());
  assert.ok(sizes.length > 5, `${sizes.length} syncs`);
  assert.ok(Math.max(...sizes) < FIVE_MB, `largest sync ${Math.max(...sizes)} bytes`);
  const values = await sheetValues(pane, "SQL query");
  assert.equal(values.length, 50_001);
  assert.equal(values[0]!.length, 20);
  assert.deepEqual(values[50_000]!.slice(0, 2), [50_000, "value 50000 of column 2"]);
  await workbench.goTo("T50001");
  await expect(workbench.cell("T50001")).toHaveText("value 50000 of column 20");
});

test("pull: a Halo value '=1+1' lands as the text =1+1, not a formula", async ({
  signedInPane: pane,
  servers: { sandboxUrl },
}) => {
  const api = await sandboxApi(sandboxUrl);
  const client = (
    (await api("/Client?pageinate=true&page_size=1&page_no=1")) as {
      clients: { id: number; name: string }[];
    }
  ).clients[0]!;
  await api("/Client", { method: "POST", body: JSON.stringify([{ id: client.id, name: "=1+1" }]) });
  try {
    await pane.getByRole("tab", { name: "SQL" }).click();
    await pane
      .getByRole("textbox", { name: /SQL query/ })
      .fill(`SELECT id, name FROM Area WHERE id = ${client.id}`);
    await pane.getByRole("button", { name: "Pull", exact: true }).click();
    await pane.getByText(/^1 row from SQL query at/).waitFor({ timeout: 60_000 });
    const cell = await pane.evaluate(() =>
      Excel.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem("SQL query").getRange("B2");
        range.load("values,valueTypes");
        await ctx.sync();
        return { value: range.values[0]![0], type: range.valueTypes[0]![0] };
      }),
    );
    // Evaluated, it would be the number 2.
    assert.deepEqual(cell, { value: "=1+1", type: "String" });
  } finally {
    await api("/Client", {
      method: "POST",
      body: JSON.stringify([{ id: client.id, name: client.name }]),
    });
  }
});

test("pull: Refresh after a change in Halo updates the data columns and keeps a user formula column filled", async ({
  signedInPane: pane,
  servers: { sandboxUrl },
}) => {
  const api = await sandboxApi(sandboxUrl);
  const sql = "SELECT id, name FROM Site ORDER BY id";
  await pane.getByRole("tab", { name: "SQL" }).click();
  await pane.getByRole("textbox", { name: /SQL query/ }).fill(sql);
  await pane.getByRole("button", { name: "Pull", exact: true }).click();
  await pane.getByText(/rows from SQL query at/).waitFor({ timeout: 60_000 });
  // The user adds a formula column to the table.
  const before = await pane.evaluate(() =>
    Excel.run(async (ctx) => {
      const table = ctx.workbook.worksheets.getItem("SQL query").tables.getItemAt(0);
      const body = table.getDataBodyRange();
      body.load("rowCount");
      await ctx.sync();
      const formulas = Array.from({ length: body.rowCount }, (_, i) => [`=UPPER(B${i + 2})`]);
      table.columns.add(undefined, [["shout"], ...formulas]);
      await ctx.sync();
      return body.rowCount;
    }),
  );
  // Halo changes: a site renamed, a site added.
  const sites = (await api("/Site?pageinate=true&page_size=1&page_no=1")) as {
    sites: { id: number; name: string; client_id: number }[];
  };
  const renamed = sites.sites[0]!;
  await api("/Site", {
    method: "POST",
    body: JSON.stringify([{ id: renamed.id, name: "Renamed site" }]),
  });
  await api("/Site", {
    method: "POST",
    body: JSON.stringify([{ name: "Brand new site", client_id: renamed.client_id }]),
  });
  await pane.getByRole("button", { name: "Refresh" }).click();
  await pane
    .getByText(
      new RegExp(
        `^Refreshed sheet "SQL query": ${(before + 1).toLocaleString("en-US")} rows from SQL query at`,
      ),
    )
    .waitFor({ timeout: 60_000 });
  const values = await sheetValues(pane, "SQL query");
  assert.equal(values.length, before + 2);
  assert.deepEqual(values[0], ["id", "name", "shout"]);
  const row = values.find((r) => r[0] === renamed.id);
  assert.deepEqual(row, [renamed.id, "Renamed site", "RENAMED SITE"]);
  const added = values[values.length - 1]!;
  assert.deepEqual(added.slice(1), ["Brand new site", "BRAND NEW SITE"]);
  for (const line of values.slice(1)) assert.equal(line[2], String(line[1]).toUpperCase());
});
