/**
 * Rule: a row whose answer is lost is settled from what can be known, and its message says how. A row
 * Halo's answer leaves out is a lost answer for that row alone. Before reading back, the run lets Halo
 * finish saving (2 s unless set). The counts in a message agree in number ("1 time"). A lost create
 * that cannot be read back is Unknown, saying the record may exist. A 400 naming the only row of a
 * batch sends nothing more for that batch.
 */
import type { PortCall, PortPostResult } from "../../../src/bulk/haloPort";
import type { HaloObject } from "../../../src/bulk/payload";
import { startRun } from "../../../src/bulk/run";
import { HaloError } from "../../../src/halo/errors";
import { FakeClock } from "../../fakes/fakeClock";
import { FakeHaloPort, portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients();

describe("run: what a lost answer's rows say", () => {
  it("a row Halo's answer leaves out is sent again alone, saying why", async () => {
    const { clock, port } = setup();
    const post = port.post.bind(port);
    let first = true;
    port.post = async (entity: string, objects: HaloObject[], call?: PortCall): Promise<PortPostResult[]> => {
      const answers = await post(entity, objects, call);
      if (!first) return answers;
      first = false;
      return answers.filter((a) => a.index !== 1);
    };
    const report = await clock.runUntil(
      startRun(updatePlan(renames(3), 10), port, { clock, readBeforeImages: false }).done,
    );
    expect(port.posts.map((p) => p.map((o) => o.id))).toEqual([[1, 2, 3], [2]]);
    expect(report.results.map((r) => r.message)).toEqual([
      "Updated.",
      "Updated (sent again: Halo's answer did not include this row).",
      "Updated.",
    ]);
  });

  it.each([
    [undefined, 2000],
    [300, 300],
  ])("a lost create batch is read back after %p ms (the default 2 s when unset)", async (delay, waited) => {
    const { clock, port } = setup();
    port.faults.push("timeoutAfterApply");
    const plan = updatePlan([{ name: "New A" }, { name: "New B" }]);
    const report = await clock.runUntil(
      startRun(plan, port, { clock, ...(delay === undefined ? {} : { readBackDelayMs: delay }) }).done,
    );
    expect(clock.sleeps).toEqual([waited]);
    expect(report.results.map((r) => r.status)).toEqual(["Created", "Created"]);
  });

  it('an update sent once without an answer, and proven unsaved, says "1 time"', async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutBeforeApply");
    const report = await clock.runUntil(
      startRun(updatePlan(renames(1)), port, { clock, readBeforeImages: false, retry: { maxAttempts: 1 } })
        .done,
    );
    expect(report.results[0]).toMatchObject({
      status: "NotSent",
      message:
        "No answer within 60 s. Sent 1 time and reading the record back shows Halo did not save it; push it again.",
    });
  });

  it("a lost create that cannot be read back is Unknown: the record may have been created", async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutAfterApply");
    port.readFault = () => new HaloError("Network", "connection refused");
    const report = await clock.runUntil(startRun(updatePlan([{ name: "New A" }]), port, { clock }).done);
    expect(report.results[0].status).toBe("Unknown");
    expect(report.results[0].message).toMatch(
      /^No answer within 60 s\. Not resent: the record may have been created, and .*connection refused.*; check Halo before sending it again\.$/,
    );
  });

  it("a 400 naming the only row of a batch fails it and sends nothing more for that batch", async () => {
    const { clock, port } = setup();
    port.badField.set(1, "item_tax_code");
    const report = await clock.runUntil(
      startRun(updatePlan(renames(1)), port, { clock, readBeforeImages: false }).done,
    );
    expect(report.results[0].status).toBe("Failed");
    expect(port.posts).toHaveLength(1);
    expect(report.requests).toBe(1);
  });

  it("rows resent after a lost answer go again in the plan's order", async () => {
    const { clock, port } = setup();
    port.faults.push("timeoutBeforeApply");
    const report = await clock.runUntil(
      startRun(updatePlan([{ name: "New" }, { id: 2, name: "Two" }]), port, {
        clock,
        readBeforeImages: false,
      }).done,
    );
    // The update is resent as it is; the create only after reading back proved it unsaved.
    expect(port.posts.map((p) => p.map((o) => o.id ?? o.name))).toEqual([
      ["New", 2],
      ["New", 2],
    ]);
    expect(report.results.map((r) => r.status)).toEqual(["Created", "Updated"]);
  });

  it("a field sent with its old value tells nothing when reading back: the row is resent once proven unsaved", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(2, (id) => ({ id, note: "same", outcome: "old" }));
    port.faults.push("timeoutBeforeApply");
    const plan = { ...updatePlan([{ id: 1, note: "same", outcome: "new" }]), entity: "Actions" };
    const report = await clock.runUntil(startRun(plan, port, { clock }).done);
    expect(report.results[0]).toMatchObject({
      status: "Updated",
      message: "Updated (sent again: No answer within 60 s).",
    });
    expect(port.posts).toHaveLength(2);
  });

  it("a field a read cannot show (a Tickets new_ note) is left out of the read-back", async () => {
    const clock = new FakeClock();
    const port = new FakeHaloPort(clock).seed(2, (id) => ({ id, summary: `old ${id}` }));
    port.ignoredFields.add("new_note");
    port.faults.push("timeoutAfterApply");
    const plan = { ...updatePlan([{ id: 1, summary: "new 1", new_note: "called" }]), entity: "Tickets" };
    const report = await clock.runUntil(startRun(plan, port, { clock }).done);
    expect(report.results[0]).toMatchObject({
      status: "Updated",
      message: "Updated (No answer within 60 s; reading the record back shows the change).",
    });
    expect(port.posts).toHaveLength(1);
  });
});
