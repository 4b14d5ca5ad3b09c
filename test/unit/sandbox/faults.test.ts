import { FaultInjector, parseFaultSpec } from "../../../sandbox/faults";

describe("fault spec", () => {
  it("parses probabilities, counted rules, slowms, poison, methods and seed", () => {
    const spec = parseFaultSpec(
      "500=0.05, reset=2x, 502=1, slow=0.5, slowms=1500, poison=#POISON, methods=POST, seed=7",
    );
    expect(spec.rules).toEqual({
      500: { probability: 0.05 },
      reset: { probability: 1, remaining: 2 },
      502: { probability: 1 },
      slow: { probability: 0.5 },
    });
    expect(spec).toMatchObject({ slowMs: 1500, poison: "#POISON", methods: ["POST"], seed: 7 });
  });

  it("injects a 429 (a gateway shedding load) like the other kinds", () => {
    const faults = new FaultInjector(parseFaultSpec("429=1x,methods=POST"));
    expect([faults.roll("429", "GET"), faults.roll("429", "POST"), faults.roll("429", "POST")]).toEqual([
      false,
      true,
      false,
    ]);
    expect(faults.fired["429"]).toBe(1);
  });

  it("rejects unknown keys and bad probabilities", () => {
    expect(() => parseFaultSpec("404=0.1")).toThrow(/unknown key "404"/);
    expect(() => parseFaultSpec("500=2")).toThrow(/probability/);
    expect(() => parseFaultSpec("500")).toThrow(/key=value/);
    expect(() => parseFaultSpec("poison=")).toThrow(/poison/);
  });

  it("fires a counted rule exactly n times", () => {
    const faults = new FaultInjector(parseFaultSpec("500=2x"));
    const rolls = Array.from({ length: 5 }, () => faults.roll("500", "GET"));
    expect(rolls).toEqual([true, true, false, false, false]);
    expect(faults.fired["500"]).toBe(2);
  });

  it("rolls probabilities repeatably from the seed, near the asked rate", () => {
    const sample = (): boolean[] => {
      const faults = new FaultInjector(parseFaultSpec("502=0.3,seed=42"));
      return Array.from({ length: 1000 }, () => faults.roll("502", "POST"));
    };
    const first = sample();
    expect(sample()).toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(240);
    expect(hits).toBeLessThan(360);
  });

  it("applies rules only to the listed methods", () => {
    const faults = new FaultInjector(parseFaultSpec("500=1,methods=POST"));
    expect(faults.roll("500", "GET")).toBe(false);
    expect(faults.roll("500", "post")).toBe(true);
  });

  it("finds the poison value anywhere in a posted body, as a whole string value", () => {
    const faults = new FaultInjector(parseFaultSpec("poison=#POISON"));
    expect(faults.isPoisoned([{ id: 1, name: "ok" }, { customfields: [{ id: 5, value: "#POISON" }] }])).toBe(
      true,
    );
    expect(faults.isPoisoned([{ id: 1, name: "not #POISON here" }])).toBe(false);
    expect(new FaultInjector(parseFaultSpec("")).isPoisoned([{ name: "#POISON" }])).toBe(false);
    expect(faults.fired.poison).toBe(1);
  });

  it("restarts counters when the spec is replaced", () => {
    const faults = new FaultInjector(parseFaultSpec("500=1x"));
    expect(faults.roll("500", "GET")).toBe(true);
    faults.replace(parseFaultSpec("500=1x"));
    expect(faults.fired["500"]).toBe(0);
    expect(faults.roll("500", "GET")).toBe(true);
  });
});
