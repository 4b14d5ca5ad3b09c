/** What =HALO.PAYLOAD shows is exactly what a push of that column sends. */
import { buildPlan } from "../../../src/bulk/plan";
import { startRun } from "../../../src/bulk/run";
import { rowsToPayloads } from "../../../src/bulk/payload";
import type { CellValue } from "../../../src/bulk/cells";
import { payload } from "../../../src/functions/functions";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "../bulk/fakeHaloPort";

const HEADERS = [
  "id",
  "name",
  "toplevel_id",
  "inactive",
  "datecreated",
  "customfields.CFContractRef",
  "notes",
];
const ROWS: CellValue[][] = [
  [12, "Acme", 3, true, 45352.5, "C-1", ""],
  [13, 4711, "", "no", "2024-03-01", "", "#NULL"],
  [14.0, "Globex", 0, 0, "", 99, 'line\n"quoted"'],
];

describe("a column of HALO.PAYLOAD results pushed", () => {
  it("plans exactly the objects the cells show, and the same objects as pushing the rows", () => {
    const spilled = payload([HEADERS], ROWS, "Client").map(([text]) => text as string);
    expect(spilled.every((text) => typeof text === "string" && text.startsWith("{"))).toBe(true);

    const plan = buildPlan({
      entity: "Client",
      source: { column: "Payload", cells: spilled.map((value, i) => ({ rowNumber: i + 2, value })) },
    });
    const planned = plan.rows.map((row) => [row.rowNumber, row.action, row.object]);
    expect(planned).toEqual(spilled.map((text, i) => [i + 2, "update", JSON.parse(text) as unknown]));

    const fromRows = rowsToPayloads(
      HEADERS,
      ROWS.map((values, i) => ({ rowNumber: i + 2, values })),
      { entity: "Client" },
    );
    expect(fromRows.problems).toEqual([]);
    expect(fromRows.payloads.map((p) => p.object)).toEqual(
      spilled.map((text) => JSON.parse(text) as unknown),
    );
  });

  it("sends exactly the objects the cells show", async () => {
    const spilled = payload([HEADERS], ROWS, "Client").map(([text]) => text as string);
    const plan = buildPlan({
      entity: "Client",
      source: { column: "Payload", cells: spilled.map((value, i) => ({ rowNumber: i + 2, value })) },
    });
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(20);
    // The custom-field merge (read the record, send its whole list) is off here: it is the one
    // deliberate change to what is sent, tested with the run.
    const handle = startRun(plan, port, {
      clock,
      readBeforeImages: false,
      replacesCustomFieldList: () => false,
    });
    const report = await clock.runUntil(handle.done);
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Updated", "Updated"]);
    expect(port.posts.flat()).toEqual(spilled.map((text) => JSON.parse(text) as unknown));
  });
});
