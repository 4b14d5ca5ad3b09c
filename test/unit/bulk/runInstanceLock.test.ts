/**
 * Rule: runs take turns per batch on one Halo instance, whichever port object each holds (the
 * pane's push and an undo build their own); runs on different instances never wait for each other.
 */
import type { HaloPort } from "../../../src/bulk/haloPort";
import { startRun } from "../../../src/bulk/run";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

/** Two runs of 20 rows in batches of 10, each on its own port; when each post started, by port. */
async function postStarts(instances: [string | undefined, string | undefined]): Promise<number[][]> {
  const clock = new FakeClock();
  const starts: number[][] = [[], []];
  const runs = instances.map((instance, i) => {
    const port = new FakeHaloPort(clock).seed(20);
    port.latencyMs = 500;
    port.onPost = () => starts[i].push(clock.now());
    const onInstance: HaloPort = instance === undefined ? port : Object.assign(port, { instance });
    return startRun(updatePlan(renames(20), 10), onInstance, { clock, readBeforeImages: false }).done;
  });
  const from = clock.now();
  await clock.runUntil(Promise.all(runs));
  return starts.map((times) => times.map((t) => t - from));
}

describe("run: one batch in flight per instance", () => {
  it("two ports on the same instance take turns", async () => {
    const url = "https://acme.halopsa.com";
    expect(await postStarts([url, url])).toEqual([
      [0, 1000],
      [500, 1500],
    ]);
  });

  it("two ports on different instances send at the same time", async () => {
    expect(await postStarts(["https://acme.halopsa.com", "https://other.halopsa.com"])).toEqual([
      [0, 500],
      [0, 500],
    ]);
  });

  it("two ports that name no instance are two instances", async () => {
    expect(await postStarts([undefined, undefined])).toEqual([
      [0, 500],
      [0, 500],
    ]);
  });
});
