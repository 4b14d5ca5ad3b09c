/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/* The preview grid holds 10,000 changes but renders only the lines in view; scrolling and the keyboard reach the last. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChangesGrid } from "../../../../src/taskpane/push/ChangesGrid";
import { updatePlan } from "../../bulk/planFixtures";

const ROWS = 10_000;

// jsdom has no Element.scroll, which the grid calls to keep its header in line with the body.
beforeAll(() => {
  HTMLElement.prototype.scroll = () => undefined;
});

function tenThousandChanges() {
  const plan = updatePlan(Array.from({ length: ROWS }, (_, i) => ({ id: i + 1, item_tax_code: 3 })));
  for (const row of plan.rows) row.changes = [{ field: "item_tax_code", old: 1, new: 3 }];
  return plan;
}

function bodyRows(): HTMLElement[] {
  const grid = screen.getByRole("grid", { name: "Changes" });
  return within(grid)
    .getAllByRole("row")
    .filter((row) => row.hasAttribute("data-row-index"));
}

function show() {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <ChangesGrid plan={tenThousandChanges()} />
    </FluentProvider>,
  );
  return user;
}

describe("ChangesGrid with 10,000 changes", () => {
  it("renders only a window of rows, and says how many there are", () => {
    show();
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    expect(rows[0]!.textContent).toBe("21item_tax_code13");
    expect(rows[0]!.getAttribute("aria-rowindex")).toBe("2");
  });

  it("scrolling to the end shows the last change (row 10,001, record 10,000)", () => {
    show();
    const scroller = bodyRows()[0]!.parentElement!.parentElement!;
    // jsdom lays nothing out: give the list's scroller the sizes a browser would.
    Object.defineProperty(scroller, "clientHeight", { value: 320 });
    Object.defineProperty(scroller, "scrollHeight", { value: ROWS * 32 });
    act(() => {
      scroller.scrollTop = ROWS * 32 - 320;
      fireEvent.scroll(scroller);
    });
    const rows = bodyRows();
    expect(rows.length).toBeLessThan(30);
    expect(rows.at(-1)!.textContent).toBe(`${ROWS + 1}${ROWS}item_tax_code13`);
    expect(rows.at(-1)!.getAttribute("aria-rowindex")).toBe(String(ROWS + 1));
  });

  it("the keyboard reaches the last line: Ctrl+End, then Up, Page Down and Ctrl+Home", async () => {
    const user = show();
    const first = bodyRows()[0]!;
    act(() => first.focus());
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.getAttribute("data-row-index")).toBe("1");
    await user.keyboard("{Control>}{End}{/Control}");
    expect(document.activeElement?.getAttribute("data-row-index")).toBe(String(ROWS - 1));
    expect(document.activeElement?.textContent).toBe(`${ROWS + 1}${ROWS}item_tax_code13`);
    expect(bodyRows().length).toBeLessThan(30);
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement?.getAttribute("data-row-index")).toBe(String(ROWS - 2));
    await user.keyboard("{Control>}{Home}{/Control}{PageDown}");
    expect(document.activeElement?.getAttribute("data-row-index")).toBe("9");
    // One tab stop: the focused row.
    expect(bodyRows().filter((row) => row.tabIndex === 0)).toHaveLength(1);
  });
});
