/**
 * Rule: each row's result says what is known of it. A create whose answer gives no id says so. A lost
 * create's read-back never takes a record this run created (by an answer or by an earlier read-back)
 * for its own. A row whose answer was lost and that is not sent again is Unknown, saying so, and an
 * Unknown update is in the journal, so undo can write its old values back. Retries that are not
 * rate-limit waits are not counted as such. A record read ahead serves one read only: the read that
 * verifies a write sees the record after it.
 */
import type { PortCall, PortPostResult } from "../../../src/bulk/haloPort";
import type { HaloObject } from "../../../src/bulk/payload";
import { startRun } from "../../../src/bulk/run";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort, portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients();

const twins = () => updatePlan([{ name: "Twin" }, { name: "Twin" }], 1);

describe("run: what each settled row says", () => {
  it("a create whose answer carries no id is Created, saying Halo did not return it", async () => {
    const { clock, port } = setup();
    const post = port.post.bind(port);
    port.post = async (entity: string, objects: HaloObject[], call?: PortCall): Promise<PortPostResult[]> =>
      (await post(entity, objects, call)).map(({ index }) => ({ index }));
    const report = await clock.runUntil(startRun(updatePlan([{ name: "New" }]), port, { clock }).done);
    // Strictly: a result without an id has no id key at all (not one holding undefined).
    expect(report.results[0]).toStrictEqual({
      key: 0,
      rowNumber: 2,
      status: "Created",
      message: "Created; Halo did not return the new id.",
    });
  });

  it("a lost create is not taken for a record this run created by an answer", async () => {
    const { clock, port } = setup();
    port.faults.push("ok", "timeoutBeforeApply");
    const report = await clock.runUntil(startRun(twins(), port, { clock }).done);
    expect(report.results.map((r) => [r.status, r.id])).toEqual([
      ["Created", 10_000],
      ["Created", 10_001],
    ]);
    expect(report.results[1].message).toBe("Created (sent again: No answer within 60 s).");
  });

  it("nor for one an earlier read-back found", async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutAfterApply", "timeoutBeforeApply");
    const report = await clock.runUntil(startRun(twins(), port, { clock }).done);
    expect(report.results.map((r) => [r.status, r.id])).toEqual([
      ["Created", 10_000],
      ["Created", 10_001],
    ]);
  });

  it("an update whose answer was lost, then stopped by a sign-in failure, is Unknown and kept for undo", async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutAfterApply", "auth");
    const report = await clock.runUntil(startRun(updatePlan(renames(1)), port, { clock }).done);
    expect(report.results[0]).toMatchObject({
      status: "Unknown",
      id: 1,
      message:
        "No answer within 60 s, and it was not sent again: The client secret was refused. Check Halo before sending it again.",
    });
    expect(report.journal).toEqual([
      {
        key: 0,
        rowNumber: 2,
        id: 1,
        before: { id: 1, name: "Client 1" },
        sent: { id: 1, name: "Renamed 1" },
      },
    ]);
  });

  it("a refused connection retried is not a rate-limit wait", async () => {
    const { clock, port } = setup();
    port.faults.push("refused");
    const report = await clock.runUntil(
      startRun(updatePlan(renames(1)), port, { clock, readBeforeImages: false }).done,
    );
    expect(report.requests).toBe(2);
    expect(report.results[0].status).toBe("Updated");
    expect([report.rateLimitWaits, report.rateLimitWaitMs]).toEqual([0, 0]);
  });

  it("a create is verified after writing too", async () => {
    const { clock, port } = setup();
    port.ignoredFields.add("phonenumber");
    const report = await clock.runUntil(
      startRun(updatePlan([{ name: "New", phonenumber: "555" }]), port, { clock, verifyAfterWrite: true })
        .done,
    );
    expect(report.results[0]).toMatchObject({ status: "Created", id: 10_000 });
    expect(report.results[0].message).toBe(
      'Created. Halo did not take: phonenumber (sent "555", Halo has null).',
    );
  });

  it("the read that verifies a write sees the record after it, not the one read ahead", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(2, (id) => ({ id, summary: `old ${id}` }));
    const plan = { ...updatePlan([1, 2].map((id) => ({ id, summary: `new ${id}` }))), entity: "Tickets" };
    const report = await clock.runUntil(startRun(plan, port, { clock, verifyAfterWrite: true }).done);
    expect(port.manyReads).toEqual([[1, 2]]);
    expect(port.gets).toEqual([1, 2]);
    expect(report.results.map((r) => r.message)).toEqual(["Updated.", "Updated."]);
  });

  it("a create whose answer carries no id is not verified (there is nothing to read)", async () => {
    const { clock, port } = setup();
    const post = port.post.bind(port);
    port.post = async (entity: string, objects: HaloObject[], call?: PortCall): Promise<PortPostResult[]> =>
      (await post(entity, objects, call)).map(({ index }) => ({ index }));
    const report = await clock.runUntil(
      startRun(updatePlan([{ name: "New" }]), port, { clock, verifyAfterWrite: true }).done,
    );
    expect(report.results[0].message).toBe("Created; Halo did not return the new id.");
    expect(port.gets).toEqual([]);
  });

  it("an update written without a before-image leaves no journal entry (undo would have nothing to write)", async () => {
    const { clock, port } = setup();
    const report = await clock.runUntil(
      startRun(updatePlan(renames(2)), port, { clock, readBeforeImages: false }).done,
    );
    expect(report.results.map((r) => r.status)).toEqual(["Updated", "Updated"]);
    expect(report.journal).toEqual([]);
  });
});
