/* 100,000 rows x 20 columns: the grid stays interactive. Bounds are generous (a shared 2-core CI
   machine); they catch a grid that stops virtualising, not a slow frame. */
import { expect, test } from "./harness/fixtures";

const ROWS = 100_000;

test("large sheet: 100,000 x 20 cells, jumps to the end and scrolls at interactive frame rates", async ({
  page,
  workbench,
  pane,
}) => {
  test.slow(); // the largest sheets of the suite
  await pane.evaluate(async (rows) => {
    const chunk = 5_000;
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      for (let start = 0; start < rows; start += chunk) {
        sheet.getRangeByIndexes(start, 0, chunk, 20).values = Array.from({ length: chunk }, (_, i) =>
          Array.from({ length: 20 }, (_, c) => `r${start + i}c${c}`),
        );
        await context.sync();
      }
    });
  }, ROWS);

  const jumpStarted = Date.now();
  await workbench.goTo(`T${ROWS}`);
  await expect(workbench.cell(`T${ROWS}`)).toHaveText(`r${ROWS - 1}c19`, { timeout: 5000 });
  const jumpMs = Date.now() - jumpStarted;
  expect(jumpMs, `jumping to the last row took ${jumpMs} ms`).toBeLessThan(3000);

  // Scroll continuously for one second and count the frames the page managed to draw.
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="grid"] .dvn-scroller');
        if (!scroller) throw new Error("The grid's scroller is missing.");
        scroller.scrollTop = 0;
        let count = 0;
        const started = performance.now();
        const step = () => {
          scroller.scrollTop += 2000;
          count += 1;
          if (performance.now() - started < 1000) requestAnimationFrame(step);
          else resolve(count);
        };
        requestAnimationFrame(step);
      }),
  );
  expect(frames, `only ${frames} frames in a second of scrolling`).toBeGreaterThanOrEqual(15);
  await workbench.goTo("A50001");
  await expect(workbench.cell("A50001")).toHaveText("r50000c0");
});
