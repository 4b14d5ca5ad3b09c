/**
 * Rule: a failure that proves nothing more can succeed stops the run, wherever it happens. A
 * before-image read (for undo) refused for sign-in or permission stops the run before anything is
 * sent; a record that is simply gone fails that row alone.
 */
import { startRun } from "../../../src/bulk/run";
import { HaloError } from "../../../src/halo/errors";
import { portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients();

describe("run: fatal errors while reading before-images", () => {
  it.each([
    ["Auth", new HaloError("Auth", "The client secret was refused.", { status: 401 })],
    ["Permission", new HaloError("Permission", "The agent may not read clients.", { status: 403 })],
  ])("a %s failure on the before-image read stops the run: nothing is sent", async (_kind, error) => {
    const { clock, port } = setup();
    port.readFault = () => error;
    const plan = updatePlan(renames(5), 10);
    const report = await clock.runUntil(startRun(plan, port, { clock, readBeforeImages: true }).done);
    expect(port.posts).toEqual([]);
    expect(report.fatal).toEqual({ kind: error.kind, message: error.message });
    expect(report.results.map((r) => r.status)).toEqual(Array(5).fill("NotSent"));
    expect(report.results[0].message).toContain(error.message);
    // One read was enough to know: the other rows were not read one by one.
    expect(port.gets).toHaveLength(1);
  });

  it("a record that is gone (404) fails that row alone and the rest are sent", async () => {
    const { clock, port } = setup();
    port.readFault = (id) =>
      id === 2 ? new HaloError("NotFound", "No record 2", { status: 404 }) : undefined;
    const plan = updatePlan(renames(4), 10);
    const report = await clock.runUntil(startRun(plan, port, { clock, readBeforeImages: true }).done);
    expect(report.fatal).toBeUndefined();
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Failed", "Updated", "Updated"]);
    expect(report.results[1].message).toMatch(/^Not sent: could not read record 2 .*No record 2/);
    expect(port.posts.flat().map((o) => o.id)).toEqual([1, 3, 4]);
  });
});
