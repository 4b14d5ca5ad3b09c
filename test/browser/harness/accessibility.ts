/* The task pane checked with axe: the violations a person using a screen reader or the keyboard would
   meet first (impact serious or critical), each as "rule: help (where)", so a failure reads alone. */
import AxeBuilder from "@axe-core/playwright";
import type { Frame, Page } from "@playwright/test";
import axe from "axe-core";

const BLOCKING = new Set(["serious", "critical"]);

/** @axe-core/playwright gives each frame one second to take axe's 500 KB script and silently skips a
 *  frame that is slower (a busy CI machine is): the pane then looks clean without being checked. So the
 *  pane gets axe here without a deadline, and the builder's script only loads axe where it is missing. */
const AXE_WHERE_MISSING = `if (!window.axe) { (0, eval)(${JSON.stringify(axe.source)}); }`;

/** axe over the task pane iframe only: the workbench around it is a test host, not the add-in. */
export async function seriousPaneViolations(page: Page, pane: Frame): Promise<string[]> {
  await pane.evaluate(axe.source);
  const results = await new AxeBuilder({ page, axeSource: AXE_WHERE_MISSING })
    .include(['iframe[name="taskpane"]', "html"])
    // Fluent UI's focus manager (tabster) puts aria-hidden <i tabindex="0" data-tabster-dummy> guards at
    // the edges of a TabList or focus trap: they take focus only to pass it on at once, so axe's
    // aria-hidden-focus on them is a known false positive, not something a keyboard user meets.
    .exclude(['iframe[name="taskpane"]', "[data-tabster-dummy]"])
    .analyze();
  if (results.passes.length === 0) throw new Error("axe checked nothing: the task pane frame was not found.");
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" > ")).join(", ")})`,
    );
}
