/** Bad input gets Halo-like 400/404 answers with a message, never a crash, and nothing is saved. */
import { api, call, useSandbox } from "./sandboxHttp";

const fixture = useSandbox({ faults: "poison=#POISON" });

async function clientName(id: number): Promise<unknown> {
  return (await api(fixture.sandbox, fixture.token, "GET", `/Client/${id}`)).json<{ name: unknown }>().name;
}

describe("bad input to the sandbox", () => {
  it("malformed JSON: 400 with the parser's message and position", async () => {
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", '[{"id": 1, "name": }]');
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(
      /^Unexpected character encountered while parsing value: .*line 1, position \d+\.$/,
    );
  });

  it("an object instead of an array: 400 saying a JSON array is required", async () => {
    const before = await clientName(1);
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", { id: 1, name: "Not saved" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("requires a JSON array");
    expect(answer.text).toContain("HaloModels.Area");
    expect(await clientName(1)).toBe(before);
  });

  it("an empty body or a non-object item: 400", async () => {
    expect((await api(fixture.sandbox, fixture.token, "POST", "/Client", "")).status).toBe(400);
    const item = await api(fixture.sandbox, fixture.token, "POST", "/Client", [5]);
    expect(item.status).toBe(400);
    expect(item.text).toContain("Path '[0]'");
  });

  it("an unknown entity: 404 for GET and POST", async () => {
    const get = await api(fixture.sandbox, fixture.token, "GET", "/NoSuchThing");
    expect(get.status).toBe(404);
    expect(get.text).toContain("/api/NoSuchThing");
    expect((await api(fixture.sandbox, fixture.token, "POST", "/NoSuchThing", [{ id: 1 }])).status).toBe(404);
    expect((await api(fixture.sandbox, fixture.token, "GET", "/Client/1/extra")).status).toBe(404);
  });

  it("a wrong type for a known field fails the whole POST with the field's path; nothing is saved", async () => {
    const before = [await clientName(1), await clientName(2)];
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 1, name: "Would change" },
      { id: 2, item_tax_code: "abc" },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.text).toBe("Could not convert string to integer: abc. Path '[1].item_tax_code'.");
    expect([await clientName(1), await clientName(2)]).toEqual(before);
  });

  it("unknown fields are ignored, as Halo does", async () => {
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 1, name: "Renamed", no_such_field: { x: 1 } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ id: 1, name: "Renamed" });
    expect(answer.json()).not.toHaveProperty("no_such_field");
  });

  it("an update of an id that does not exist: 400, nothing saved", async () => {
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 999999, name: "Ghost" },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("999999");
  });

  it("the poison value fails the whole POST with 400 without naming the object", async () => {
    const before = await clientName(3);
    const answer = await api(fixture.sandbox, fixture.token, "POST", "/Client", [
      { id: 3, name: "Fine" },
      { id: 4, name: "#POISON" },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain("[1]");
    expect(await clientName(3)).toBe(before);
  });

  it("a bad id or paging value in the URL: 400; a missing record: 404", async () => {
    expect((await api(fixture.sandbox, fixture.token, "GET", "/Client/abc")).status).toBe(400);
    expect(
      (await api(fixture.sandbox, fixture.token, "GET", "/Client?pageinate=true&page_size=x")).status,
    ).toBe(400);
    expect(
      (await api(fixture.sandbox, fixture.token, "GET", "/Client?pageinate=true&page_no=0")).status,
    ).toBe(400);
    expect((await api(fixture.sandbox, fixture.token, "GET", "/Client/999999")).status).toBe(404);
  });

  it("an unsupported method: 405; an unknown path: 404", async () => {
    expect((await api(fixture.sandbox, fixture.token, "DELETE", "/Client")).status).toBe(405);
    expect((await call(`${fixture.sandbox.url}/nothing/here`)).status).toBe(404);
  });

  it("is still answering after all of it", async () => {
    const answer = await api(
      fixture.sandbox,
      fixture.token,
      "GET",
      "/Client?pageinate=true&page_size=1&page_no=1",
    );
    expect(answer.status).toBe(200);
    const stats = await call(`${fixture.sandbox.url}/__sandbox/stats`);
    expect(
      stats.json<{ requests: Record<string, Record<string, number>> }>().requests["POST /api/Client"]["400"],
    ).toBeGreaterThanOrEqual(6);
  });
});
