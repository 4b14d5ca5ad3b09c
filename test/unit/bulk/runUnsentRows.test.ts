/**
 * Rule: when the run stops early, every row it did not send ends NotSent saying why, and a row that
 * already has its result keeps it; a planned row that ends with no result at all is the engine's
 * defect and fails the run loudly rather than passing unnoticed.
 */
import { startRun } from "../../../src/bulk/run";
import type { Plan } from "../../../src/bulk/planTypes";
import { HaloError } from "../../../src/halo/errors";
import { portWithClients } from "./fakeHaloPort";
import { renames, updatePlan } from "./planFixtures";

const setup = () => portWithClients();

describe("run: rows it does not send", () => {
  it("a cancelled run says so on every row it did not send", async () => {
    const { clock, port } = setup();
    const handle = startRun(updatePlan(renames(20), 10), port, { clock, readBeforeImages: false });
    port.onPost = () => handle.cancel();
    const report = await clock.runUntil(handle.done);
    expect(report.results.slice(10).map((r) => r.message)).toEqual(
      Array(10).fill("Not sent: the run was cancelled."),
    );
  });

  it("a row already failed while reading keeps its result when a later read stops the run", async () => {
    const { clock, port } = setup();
    // Clients are read one by one: row 1's record is gone, then row 2's read is refused for sign-in.
    port.readFault = (id) =>
      id === 1
        ? new HaloError("NotFound", "No record 1", { status: 404 })
        : id === 2
          ? new HaloError("Auth", "The client secret was refused.", { status: 401 })
          : undefined;
    const report = await clock.runUntil(
      startRun(updatePlan(renames(4), 10), port, { clock, readBeforeImages: true }).done,
    );
    expect(port.posts).toEqual([]);
    expect(report.fatal).toEqual({ kind: "Auth", message: "The client secret was refused." });
    expect(report.results.map((r) => r.status)).toEqual(["Failed", "NotSent", "NotSent", "NotSent"]);
    expect(report.results[0].message).toMatch(/^Not sent: could not read record 1 .*No record 1/);
    // The reason is a sentence of its own: one period, not the message's and another.
    expect(report.results[3].message).toBe("Not sent: the run stopped: The client secret was refused.");
  });

  it.each([
    [1, "No answer from acme.halopsa.com for POST /api/Client (connection refused)."],
    [3, "No answer from acme.halopsa.com for POST /api/Client (connection refused) (3 attempts)"],
  ])(
    "a connection refused on every one of %p attempts: the run stops, each row saying why once",
    async (attempts, said) => {
      const { clock, port } = setup();
      port.faults.push(...Array<"refused">(attempts).fill("refused"));
      const report = await clock.runUntil(
        startRun(updatePlan(renames(2), 10), port, {
          clock,
          readBeforeImages: false,
          retry: { maxAttempts: attempts },
        }).done,
      );
      expect(report.fatal).toEqual({ kind: "Network", message: said });
      expect(report.results.map((r) => r.message)).toEqual(
        Array(2).fill(`Not sent: ${said.replace(/\.$/, "")}.`),
      );
    },
  );

  it("a row to send that carries no object is never sent, and the run names the row left without a result", async () => {
    const { clock, port } = setup();
    const plan = updatePlan(renames(2), 10);
    // Not a plan buildPlan makes: a create with nothing to send (sending {} would create a blank record).
    const broken: Plan = {
      ...plan,
      rows: [...plan.rows, { key: 2, rowNumber: 4, action: "create", changes: [], bytes: 0 }],
    };
    const done = clock.runUntil(startRun(broken, port, { clock, readBeforeImages: false }).done);
    await expect(done).rejects.toThrow("planned row 2 ended without a result");
    expect(port.posts.map((p) => p.map((o) => o.id))).toEqual([[1, 2]]);
  });

  it("the row left without a result is named even when it is the plan's first", async () => {
    const { clock, port } = setup();
    const plan = updatePlan(renames(2), 10);
    const later = plan.rows.map((row) => ({ ...row, key: row.key + 1, rowNumber: row.rowNumber + 1 }));
    const broken: Plan = {
      ...plan,
      rows: [{ key: 0, rowNumber: 2, action: "create", changes: [], bytes: 0 }, ...later],
    };
    const done = clock.runUntil(startRun(broken, port, { clock, readBeforeImages: false }).done);
    await expect(done).rejects.toThrow("planned row 0 ended without a result");
  });
});
