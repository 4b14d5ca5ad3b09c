import { retryPlan } from "../../../src/bulk/retryPlan";
import { startRun } from "../../../src/bulk/run";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

describe("retryPlan", () => {
  it("sends again only the rows a cancelled run did not send, never the Unknown ones", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(50);
    const plan = updatePlan(renames(30), 10);
    const handle = startRun(plan, port, { clock, readBeforeImages: false });
    port.faults.push("timeoutBeforeApply");
    port.onPost = (n) => {
      if (n === 1) handle.cancel();
    };
    const first = await clock.runUntil(handle.done);
    expect(first.results.map((r) => r.status)).toEqual([
      ...Array(10).fill("Unknown"),
      ...Array(20).fill("NotSent"),
    ]);
    const again = retryPlan(plan, first);
    expect(again.rows.map((r) => [r.key, r.rowNumber])).toEqual(
      plan.rows.slice(10).map((r, i) => [i, r.rowNumber]),
    );
    port.onPost = () => undefined;
    const second = await clock.runUntil(startRun(again, port, { clock, readBeforeImages: false }).done);
    expect(new Set(second.results.map((r) => r.status))).toEqual(new Set(["Updated"]));
    expect(port.posts.map((p) => p.length)).toEqual([10, 10, 10]);
  });
});
