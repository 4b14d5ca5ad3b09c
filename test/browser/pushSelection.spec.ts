/* Push reads the selection as Excel shows it: a row hidden by hand and a row a table filter hid are
   in the selected block, yet they are skipped, counted, left without a Status, and Halo keeps them as
   they were; only the visible edited row is sent. */
import { expect, test } from "./harness/fixtures";
import {
  otherTaxCode,
  previewPush,
  pullClientsWithTaxCode,
  pulledClientIds,
  readValues,
  sandboxReader,
} from "./harness/pushFlow";

test("push: a hidden row and a filtered-out row in the selection are skipped, counted and not sent", async ({
  workbench,
  signedInPane: pane,
  servers,
}) => {
  test.setTimeout(240_000);
  const read = await sandboxReader(servers.sandboxUrl);
  await pullClientsWithTaxCode(pane);
  const ids = await pulledClientIds(pane);
  const lastRow = ids.length + 1;
  const before = await Promise.all(ids.slice(0, 3).map((id) => read(id)));

  // Rows 2, 3 and 4 get a new tax code; then row 3 is hidden by hand and row 4 filtered out.
  for (const [i, client] of before.entries())
    await workbench.typeAt(`C${i + 2}`, String(otherTaxCode(client.item_tax_code)));
  await pane.evaluate(
    (keep) =>
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.getRange("3:3").rowHidden = true;
        sheet.tables.getItemAt(0).columns.getItem("id").filter.applyValuesFilter(keep);
        await context.sync();
      }),
    ids.filter((id) => id !== ids[2]).map(String),
  );

  await workbench.goTo(`C2:C${lastRow}`);
  const counts = await previewPush(pane, "Client");
  await expect(counts).toHaveText(
    `1 row to update, 0 to create, ${ids.length - 3} unchanged, 0 skipped, 2 hidden rows skipped`,
  );
  await expect(pane.getByText("Hidden or filtered out, so not read and not sent: rows 3, 4.")).toBeVisible();
  await expect(pane.getByRole("grid", { name: "Changes" }).getByRole("row")).toHaveCount(2);

  await pane.getByRole("button", { name: "Push", exact: true }).click();
  await expect(pane.getByText(/1 updated, \d+ unchanged\./)).toBeVisible({ timeout: 60_000 });

  const after = await Promise.all(ids.slice(0, 3).map((id) => read(id)));
  expect(after[0]!.item_tax_code).toBe(otherTaxCode(before[0]!.item_tax_code));
  expect(after[1]!.item_tax_code).toBe(before[1]!.item_tax_code);
  expect(after[2]!.item_tax_code).toBe(before[2]!.item_tax_code);
  const top = await readValues(pane, "A1:J4");
  const at = top[0]!.indexOf("Status");
  expect(top[0]![at + 1]).toBe("Message");
  expect(top[1]![at]).toBe("Updated");
  // The hidden rows were not pushed, so nothing is written beside them.
  expect([top[2]![at], top[3]![at]]).toEqual(["", ""]);

  // Leave the shared sandbox as it was.
  await pane.getByRole("button", { name: "Undo this run" }).click();
  await expect(pane.getByText(/1 restored/)).toBeVisible({ timeout: 60_000 });
  expect((await read(ids[0]!)).item_tax_code).toBe(before[0]!.item_tax_code);
});
