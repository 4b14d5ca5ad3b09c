/** Entity lists, reads and writes shaped as Halo's: paging, wrappers, partial updates, creates, custom fields. */
import { startSandbox } from "../../sandbox/server";
import { api, signIn, useSandbox } from "./sandboxHttp";

const fixture = useSandbox({});

type Rec = Record<string, unknown> & { id: number };
type CustomFields = { id: number; name: string; value: unknown }[];

async function get(path: string): Promise<Rec> {
  const answer = await api(fixture.sandbox, fixture.token, "GET", path);
  expect(answer.status).toBe(200);
  return answer.json<Rec>();
}

function cf(record: Rec, name: string): unknown {
  return (record.customfields as CustomFields).find((f) => f.name === name)?.value;
}

describe("lists", () => {
  it("pages with pageinate/page_size/page_no until record_count, without overlap", async () => {
    const seen = new Set<number>();
    let recordCount = -1;
    for (let page = 1; page < 20; page++) {
      const body = await get(`/Client?pageinate=true&page_size=100&page_no=${page}`);
      expect(body).toMatchObject({ page_no: page, page_size: 100 });
      recordCount = body.record_count as number;
      const rows = body.clients as Rec[];
      rows.forEach((r) => seen.add(r.id));
      if (rows.length < 100) break;
    }
    expect(recordCount).toBeGreaterThan(200);
    expect(seen.size).toBe(recordCount);
    const beyond = await get("/Client?pageinate=true&page_size=100&page_no=99");
    expect(beyond.clients).toEqual([]);
  });

  it("searches, filters by client_id, hides inactive unless asked, and orders", async () => {
    const sites = (await get("/Site?client_id=5")).sites as Rec[];
    expect(sites.length).toBeGreaterThan(0);
    expect(sites.every((s) => s.client_id === 5)).toBe(true);

    const name = ((await get("/Client/9")).name as string).split(" ")[0];
    const found = (await get(`/Client?search=${encodeURIComponent(name)}`)).clients as Rec[];
    expect(found.every((c) => String(c.name).includes(name))).toBe(true);

    const active = (await get("/Client")).record_count as number;
    const all = (await get("/Client?includeinactive=true")).record_count as number;
    expect(all).toBe(250);
    expect(active).toBeLessThan(all);

    const ordered = (await get("/Client?order=name&orderdesc=true&pageinate=true&page_size=5"))
      .clients as Rec[];
    const names = ordered.map((c) => String(c.name));
    expect(names).toEqual([...names].sort().reverse());
  });

  it("selects Tickets by a ticketids list, as Halo's list filter does", async () => {
    const all = (await get("/Tickets?pageinate=true&page_size=3")).tickets as Rec[];
    const ids = all.map((t) => Number(t.id));
    const picked = (await get(`/Tickets?ticketids=${ids[0]},${ids[2]}`)).tickets as Rec[];
    expect(picked.map((t) => t.id)).toEqual([ids[0], ids[2]]);
  });

  it("GET one leaves out customfields unless includedetails=true", async () => {
    expect(await get("/Client/1")).not.toHaveProperty("customfields");
    const detailed = await get("/Client/1?includedetails=true");
    expect((detailed.customfields as CustomFields).map((f) => f.id)).toEqual([145, 146, 147]);
  });
});

describe("POST arrays", () => {
  it("updates only the fields sent and answers one object for one, an array for many", async () => {
    const before = await get("/Client/10?includedetails=true");
    const one = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 10, name: "Only Name Changed" },
    ]);
    expect(one.status).toBe(200);
    expect(one.json()).toMatchObject({
      id: 10,
      name: "Only Name Changed",
      item_tax_code: before.item_tax_code,
    });
    const after = await get("/Client/10?includedetails=true");
    expect({ ...after, name: before.name }).toEqual(before);

    const many = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 11, item_tax_code: 3 },
      { id: 12, item_tax_code: 3 },
    ]);
    expect(many.json<Rec[]>().map((r) => [r.id, r.item_tax_code])).toEqual([
      [11, 3],
      [12, 3],
    ]);
  });

  it("creates without id, with id 0 or -1, answering 201 with the new ids", async () => {
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Supplier", [
      { name: "New Supplier A" },
      { id: 0, name: "New Supplier B" },
      { id: -1, name: "New Supplier C" },
    ]);
    expect(answer.status).toBe(201);
    const created = answer.json<Rec[]>();
    expect(new Set(created.map((r) => r.id)).size).toBe(3);
    for (const record of created) expect((await get(`/Supplier/${record.id}`)).name).toBe(record.name);
  });

  it("merges customfields for Client (by id or name): fields not sent keep their value", async () => {
    const before = await get("/Client/20?includedetails=true");
    await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 20, customfields: [{ id: 145, value: "C-NEW-1" }] },
    ]);
    await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 20, customfields: [{ name: "cfaccounttier", value: "Platinum" }] },
    ]);
    const after = await get("/Client/20?includedetails=true");
    expect(cf(after, "CFContractRef")).toBe("C-NEW-1");
    expect(cf(after, "CFAccountTier")).toBe("Platinum");
    expect(cf(after, "CFRenewalDate")).toBe(cf(before, "CFRenewalDate"));
  });

  it("replaces customfields for Site and Asset: fields not sent are cleared", async () => {
    expect(cf(await get("/Site/3?includedetails=true"), "CFFloorCount")).not.toBeNull();
    await api(fixture.sandbox, fixture.token, "POST", "/Site", [
      { id: 3, customfields: [{ name: "CFSiteCode", value: "ONLY-THIS" }] },
    ]);
    const site = await get("/Site/3?includedetails=true");
    expect(cf(site, "CFSiteCode")).toBe("ONLY-THIS");
    expect(cf(site, "CFFloorCount")).toBeNull();
    // Without customfields in the object, nothing is cleared.
    await api(fixture.sandbox, fixture.token, "POST", "/Site", [{ id: 3, name: "Renamed site" }]);
    expect(cf(await get("/Site/3?includedetails=true"), "CFSiteCode")).toBe("ONLY-THIS");
  });

  it("refreshes denormalised names when an id changes (client_id -> client_name)", async () => {
    const client = await get("/Client/30");
    await api(fixture.sandbox, fixture.token, "POST", "/Site", [{ id: 4, client_id: 30 }]);
    expect(await get("/Site/4")).toMatchObject({ client_id: 30, client_name: client.name });
  });

  it("validates only, saving nothing, when the entity's validate-only flag is set", async () => {
    const before = await get("/Asset/5");
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Asset", [
      { id: 5, key_field: "DRY-RUN", _validateonly: true },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ id: 5, key_field: "DRY-RUN" });
    expect((await get("/Asset/5")).key_field).toBe(before.key_field);
  });

  it("makes a write visible to the next report", async () => {
    await api(fixture.sandbox, fixture.token, "POST", "/Item", [{ id: 2, taxcode: 4 }]);
    const report = await api(fixture.sandbox, fixture.token, "POST", "/Report", [
      { sql: "SELECT taxcode, taxcode_name FROM Item WHERE id = 2", _loadreportonly: true },
    ]);
    expect(report.json()).toMatchObject({
      report: { loaded: true, rows: [{ taxcode: 4, taxcode_name: "Exempt" }] },
    });
  });
});

describe("unpaged lists", () => {
  it("stop silently at 1,000 rows while record_count tells the truth", async () => {
    const big = await startSandbox({ port: 0, rateLimit: 0, seed: 2 });
    try {
      const bigToken = await signIn(big);
      const body = (await api(big, bigToken, "GET", "/Users")).json<Rec>();
      expect(body.record_count as number).toBeGreaterThan(1000);
      expect(body.users as Rec[]).toHaveLength(1000);
    } finally {
      await big.close();
    }
  });
});

describe("relations", () => {
  it("users, sites, assets and tickets of a client filter by client_id", async () => {
    for (const [entity, wrapper] of [
      ["Users", "users"],
      ["Site", "sites"],
      ["Asset", "assets"],
      ["Tickets", "tickets"],
    ]) {
      const rows = (await get(`/${entity}?client_id=7&includeinactive=true`))[wrapper] as Rec[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.client_id === 7)).toBe(true);
    }
  });
});
