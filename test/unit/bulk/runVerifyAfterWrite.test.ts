/**
 * Rule: verify-after-write reads each saved record back. A row whose fields all took says only
 * "Updated."; a read-back that fails leaves the row Updated (the write succeeded) and says the
 * check could not be made.
 */
import { startRun } from "../../../src/bulk/run";
import { HaloError } from "../../../src/halo/errors";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort } from "./fakeHaloPort";
import { updatePlan } from "./planFixtures";

async function verifiedRun(configure: (port: FakeHaloPort) => void) {
  const clock = new FakeClock();
  const port = new FakeHaloPort(clock).seed(5);
  configure(port);
  const plan = updatePlan([{ id: 1, name: "A", phonenumber: "555" }]);
  const report = await clock.runUntil(
    startRun(plan, port, { clock, readBeforeImages: false, verifyAfterWrite: true }).done,
  );
  return { report, port };
}

describe("run: verify after write", () => {
  it("a row whose fields all took is Updated with no note", async () => {
    const { report, port } = await verifiedRun(() => undefined);
    expect(port.gets).toEqual([1]);
    expect(report.results[0]).toEqual({
      key: 0,
      rowNumber: 2,
      status: "Updated",
      message: "Updated.",
      id: 1,
    });
  });

  it("a read-back that fails keeps the row Updated and says it could not be verified", async () => {
    const { report } = await verifiedRun((port) => {
      port.readFault = () => new HaloError("Server", "Halo answered 500", { status: 500 });
    });
    expect(report.results[0]).toMatchObject({ status: "Updated", id: 1 });
    expect(report.results[0].message).toBe("Updated. Could not read it back to verify: Halo answered 500.");
    expect(report.results[0].notTaken).toBeUndefined();
  });
});
