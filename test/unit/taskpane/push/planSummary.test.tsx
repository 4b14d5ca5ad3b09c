/** @jest-environment ./test/unit/taskpane/jsdomWithFetchEnvironment.js */
/* The preview's counts read as a Halo admin reads numbers: every count with its thousands separator. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { PlanSummary } from "../../../../src/taskpane/push/PlanSummary";
import { renames, updatePlan } from "../../bulk/planFixtures";

test("every count in the summary has its thousands separator", () => {
  const plan = updatePlan([
    ...renames(2_000),
    ...Array.from({ length: 1_200 }, (_, i) => ({ name: `New ${i}` })),
  ]);
  plan.rows.slice(0, 1_500).forEach((row) => (row.action = "unchanged"));
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanSummary plan={plan} notes={[]} />
    </FluentProvider>,
  );
  expect(screen.getByRole("status").textContent).toBe(
    "500 rows to update, 1,200 to create, 1,500 unchanged, 0 skipped",
  );
});
