/* Push: the Postman guide's job done in the pane. Pull "Clients with tax code", build each row's
   payload with =HALO.PAYLOAD filled down, change two tax codes, select the payload column, Dry run,
   Push: every selected row gets a Status, the sandbox holds the new values, Undo restores them. */
import { expect, test } from "./harness/fixtures";
import {
  fillPayloadColumn,
  previewPush,
  pullClientsWithTaxCode,
  readValues,
  sandboxReader,
} from "./harness/pushFlow";

test("push: the Postman guide's job - payload column, Dry run shows the two changes, Push, a Status on every row, Undo restores Halo", async ({
  workbench,
  signedInPane: pane,
  servers,
}) => {
  test.setTimeout(240_000);
  const read = await sandboxReader(servers.sandboxUrl);
  await pullClientsWithTaxCode(pane);
  const ids = (await readValues(pane, "A2:A400"))
    .map((r) => r[0])
    .filter((v): v is number => typeof v === "number");
  const lastRow = ids.length + 1;
  expect(ids.length).toBeGreaterThan(10);
  const [first, second] = [await read(ids[0]!), await read(ids[1]!)];
  const newCode = (code: number | undefined): number => ((code ?? 0) % 5) + 1;

  await fillPayloadColumn(workbench, lastRow);
  await workbench.typeAt("C2", String(newCode(first.item_tax_code)));
  await workbench.typeAt("C3", String(newCode(second.item_tax_code)));
  await expect
    .poll(async () => String((await readValues(pane, "F3"))[0]![0]))
    .toContain(`"item_tax_code":${newCode(second.item_tax_code)}`);
  await workbench.goTo(`F2:F${lastRow}`);

  // A report's rows do not say which entity they are: the user picks it once.
  const counts = await previewPush(pane, "Client");
  await expect(counts).toHaveText(`2 rows to update, 0 to create, ${ids.length - 2} unchanged, 0 skipped`);
  const changes = pane.getByRole("grid", { name: "Changes" });
  await expect(changes.getByRole("row")).toHaveCount(3);
  await expect(changes).toContainText("item_tax_code");

  await pane.getByRole("button", { name: "Dry run" }).click();
  await expect(pane.getByText(/2 would update, \d+ unchanged\./)).toBeVisible({ timeout: 60_000 });
  expect((await read(ids[0]!)).item_tax_code).toBe(first.item_tax_code);
  await pane.getByRole("button", { name: "New push" }).click();

  await pane.getByRole("button", { name: /Preview/ }).click();
  await pane.getByRole("button", { name: "Push", exact: true }).click();
  await expect(pane.getByText(/2 updated, \d+ unchanged\./)).toBeVisible({ timeout: 60_000 });
  const results = await readValues(pane, `G1:H${lastRow}`);
  expect(results[0]).toEqual(["Status", "Message"]);
  expect(results.slice(1).map((r) => r[0])).toEqual([
    "Updated",
    "Updated",
    ...ids.slice(2).map(() => "Unchanged"),
  ]);
  expect((await read(ids[0]!)).item_tax_code).toBe(newCode(first.item_tax_code));
  expect((await read(ids[1]!)).item_tax_code).toBe(newCode(second.item_tax_code));

  await pane.getByRole("button", { name: "Undo this run" }).click();
  await expect(pane.getByText(/2 restored/)).toBeVisible({ timeout: 60_000 });
  expect((await read(ids[0]!)).item_tax_code).toBe(first.item_tax_code);
  expect((await read(ids[1]!)).item_tax_code).toBe(second.item_tax_code);
  expect((await readValues(pane, "G2:G3")).map((r) => r[0])).toEqual(["Undone", "Undone"]);

  await pane.getByRole("tab", { name: "History" }).click();
  await expect(pane.getByRole("list", { name: "Runs" }).getByRole("listitem")).toHaveCount(3);
  const log = await pane.evaluate(() =>
    Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("HaloSheet Log").getUsedRange();
      range.load("values");
      await context.sync();
      return range.values.map((row) => String(row[5]));
    }),
  );
  expect(log).toEqual(["Kind", "Dry run", "Push", expect.stringMatching(/^Undo of /)]);
});
