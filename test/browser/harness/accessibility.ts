/* The task pane checked with axe: the violations a person using a screen reader or the keyboard would
   meet first (impact serious or critical), each as "rule: help (where)", so a failure reads alone. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

/** axe over the task pane iframe only: the workbench around it is a test host, not the add-in. */
export async function seriousPaneViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(['iframe[name="taskpane"]', "html"]).analyze();
  if (results.passes.length === 0) throw new Error("axe checked nothing: the task pane frame was not found.");
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" > ")).join(", ")})`,
    );
}
