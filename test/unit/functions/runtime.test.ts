import type { HaloClient } from "../../../src/halo/client";
import { IdLookupError } from "../../../src/bulk/payload/idLookup";
import { getSignedInClient, idResolver, setSignedInClient, subscribe } from "../../../src/runtime";

const fakeClient = (name: string): HaloClient => ({ instanceUrl: name }) as unknown as HaloClient;

afterEach(() => setSignedInClient(undefined));

describe("runtime", () => {
  it("holds the signed-in client and tells subscribers of every change", () => {
    const seen: (string | undefined)[] = [];
    const unsubscribe = subscribe((client) => seen.push(client?.instanceUrl));
    const a = fakeClient("https://a.example");
    setSignedInClient(a);
    setSignedInClient(a); // no change, no event
    expect(getSignedInClient()).toBe(a);
    setSignedInClient(undefined);
    unsubscribe();
    setSignedInClient(fakeClient("https://b.example"));
    expect(seen).toEqual(["https://a.example", undefined]);
  });

  it("keeps one name resolver per sign-in", () => {
    expect(() => idResolver()).toThrow(IdLookupError);
    setSignedInClient(fakeClient("https://a.example"));
    const first = idResolver();
    expect(idResolver()).toBe(first);
    setSignedInClient(fakeClient("https://b.example"));
    expect(idResolver()).not.toBe(first);
  });
});
