/* The Postman guide's case, typed by hand and filled down 1,000 rows; then an edit flows through to
   the payloads. */
import { expect, test } from "./harness/fixtures";
import { expectedPayload, typePostmanCase } from "./harness/postmanCase";

const ROWS = 1000;

test("postman case: typed headers and values, HALO.PAYLOAD filled down 1,000 rows, edits recalculate", async ({
  workbench,
}) => {
  test.slow(); // the largest sheets of the suite
  await typePostmanCase(workbench, ROWS + 1);

  // Every payload, through the Excel API in the task pane.
  const payloads = await workbench.readTexts(`C2:C${ROWS + 1}`);
  expect(payloads).toEqual(Array.from({ length: ROWS }, (_, i) => [expectedPayload(i + 2)]));

  // What the grid shows, at the top and after scrolling to the bottom.
  await workbench.goTo("C2");
  for (const row of [2, 3, 10]) await expect(workbench.cell(`C${row}`)).toHaveText(expectedPayload(row));
  await workbench.goTo(`C${ROWS + 1}`);
  await expect(workbench.formulaBar).toHaveValue(
    new RegExp(`^=HALO\\.PAYLOAD\\(\\$A\\$1:\\$B\\$1, ?A${ROWS + 1}:B${ROWS + 1}\\)$`),
  );
  for (const row of [ROWS - 1, ROWS, ROWS + 1])
    await expect(workbench.cell(`C${row}`)).toHaveText(expectedPayload(row));

  // Edit a value: its payload and the payloads of the rows computed from it follow.
  await workbench.typeAt("B500", "99");
  await workbench.goTo("A490"); // scrolls up: rows 490 and below are on screen
  await expect(workbench.cell("C500")).toHaveText(expectedPayload(500, { item_tax_code: 99 }));
  await expect(workbench.cell("C501")).toHaveText(expectedPayload(501, { item_tax_code: 101 }));
  await expect(workbench.cell("C499")).toHaveText(expectedPayload(499));
});
