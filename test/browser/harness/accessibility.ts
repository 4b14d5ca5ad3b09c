/* The task pane checked with axe: the violations a person using a screen reader or the keyboard would
   meet first (impact serious or critical), each as "rule: help (where)", so a failure reads alone. */
import type { Frame } from "@playwright/test";
import axe from "axe-core";

const BLOCKING = new Set(["serious", "critical"]);

/**
 * axe runs inside the task pane's frame, the add-in itself (the workbench around it is a test host).
 * It is not driven from the top page: @axe-core/playwright gives each frame one second to take axe's
 * script and silently leaves out a frame that is slower, and on a busy machine the pane then came back
 * "checked" with nothing in it. Here nothing has a deadline but the test's own.
 */
export async function seriousPaneViolations(pane: Frame): Promise<string[]> {
  await pane.evaluate(axe.source);
  const results = await pane.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run({
      // Fluent UI's focus manager (tabster) puts aria-hidden <i tabindex="0" data-tabster-dummy> guards at
      // the edges of a TabList or focus trap: they take focus only to pass it on at once, so axe's
      // aria-hidden-focus on them is a known false positive, not something a keyboard user meets.
      exclude: [["[data-tabster-dummy]"]],
    }),
  );
  if (results.passes.length === 0) throw new Error("axe checked nothing in the task pane.");
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" > ")).join(", ")})`,
    );
}
