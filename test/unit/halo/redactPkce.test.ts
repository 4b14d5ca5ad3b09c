import { createHash } from "node:crypto";
import { Redactor, redactPatterns } from "../../../src/halo/redact";
import { createPkcePair, pkceChallenge, randomUrlSafe } from "../../../src/halo/pkce";

describe("Redactor", () => {
  it("masks known secrets wherever they appear", () => {
    const redactor = new Redactor();
    redactor.add("my-client-secret");
    redactor.add("abc"); // too short to mask safely
    expect(redactor.redact("bad secret my-client-secret (abc)")).toBe("bad secret [redacted] (abc)");
  });

  it("masks token-looking fields and Authorization values it was not told about", () => {
    const text =
      '{"access_token":"eyJhbGciOi.x.y","refresh_token":"r-123"} client_secret=zzz&x=1 Authorization: Bearer abc.def-ghi';
    const out = redactPatterns(text);
    expect(out).not.toMatch(/eyJhbGciOi|r-123|zzz|abc\.def-ghi/);
    expect(out).toContain("x=1");
    expect(redactPatterns("Basic aGFsbzpzZWNyZXQ=")).toBe("Basic [redacted]");
  });

  it("leaves field names that merely end in a secret word alone (Halo validation messages)", () => {
    const message = 'Invalid value for item_tax_code: 5 and "postcode":"AB1 2CD"';
    expect(redactPatterns(message)).toBe(message);
  });
});

describe("PKCE", () => {
  it("computes the RFC 7636 S256 test vector", async () => {
    await expect(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).resolves.toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("creates a 43-character URL-safe verifier whose challenge is its SHA-256", async () => {
    const { verifier, challenge } = await createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash("sha256").update(verifier).digest("base64url"));
  });

  it("gives different random strings each time", () => {
    const values = new Set(Array.from({ length: 50 }, () => randomUrlSafe(16)));
    expect(values.size).toBe(50);
  });
});
