/** Reading records back in as few requests as Halo allows. */
import { getEntities, newestEntities } from "../../../src/halo/entities";
import { jsonResponse, textResponse } from "../../fakes/fakeFetch";
import { fakeHalo } from "../../fakes/fakeHalo";

describe("getEntities", () => {
  it("reads Tickets by a ticketids list, 100 per request", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Tickets", (request) =>
      jsonResponse(200, {
        record_count: 2,
        tickets: (request.query("ticketids") ?? "")
          .split(",")
          .map((id) => ({ id: Number(id), summary: `T${id}` })),
      }),
    );
    const ids = Array.from({ length: 150 }, (_, i) => i + 1);
    const found = await getEntities(halo.client, "Tickets", ids);
    const calls = halo.fetch.calls("GET", "/api/Tickets");
    expect(calls).toHaveLength(2);
    expect(calls[1].query("ticketids")).toBe(ids.slice(100).join(","));
    expect(calls[0].query("page_size")).toBe("100");
    expect(found.get(150)).toEqual({ id: 150, summary: "T150" });
    expect(found.size).toBe(150);
  });

  it("reads an entity without an id-list filter one record at a time, skipping ids Halo lacks", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client/1", () => jsonResponse(200, { id: 1, name: "A" }));
    halo.fetch.on("GET", "/api/Client/2", () => textResponse(404, "Client 2 not found."));
    let sends = 0;
    const found = await getEntities(halo.client, "Client", [1, 2], { onSend: () => sends++ });
    expect([...found.keys()]).toEqual([1]);
    expect(sends).toBe(2);
    expect(halo.fetch.calls("GET", "/api/Client/1")[0].query("includedetails")).toBe("true");
  });

  it("reads Tickets one by one when custom fields matter (a list row lacks them)", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Tickets/5", () => jsonResponse(200, { id: 5, customfields: [] }));
    const found = await getEntities(halo.client, "Tickets", [5], { needDetails: true });
    expect(found.get(5)).toEqual({ id: 5, customfields: [] });
  });
});

describe("newestEntities", () => {
  it("asks for the newest records by id in one request", async () => {
    const halo = fakeHalo();
    halo.fetch.on("GET", "/api/Client", () =>
      jsonResponse(200, { record_count: 9, clients: [{ id: 9 }, { id: 8 }] }),
    );
    expect(await newestEntities(halo.client, "Client", 2)).toEqual([{ id: 9 }, { id: 8 }]);
    const [call] = halo.fetch.calls("GET", "/api/Client");
    expect([call.query("order"), call.query("orderdesc"), call.query("page_size")]).toEqual([
      "id",
      "true",
      "2",
    ]);
  });

  it("says it cannot when the entity's list has no order (Actions)", async () => {
    const halo = fakeHalo();
    expect(await newestEntities(halo.client, "Actions", 2)).toBeUndefined();
    expect(halo.fetch.requests.filter((r) => r.url.includes("/api/"))).toHaveLength(0);
  });
});
