import { s256, TokenService } from "../../../sandbox/tokens";

describe("token service", () => {
  it("computes the PKCE S256 challenge (RFC 7636 appendix B)", () => {
    expect(s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  it("accepts a token until its TTL passes, then reports it expired", () => {
    let now = 1_000_000;
    const tokens = new TokenService(60, () => now);
    const issued = tokens.issue({ clientId: "app", scopes: ["all"] });
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: 60, scope: "all" });
    expect(issued.refresh_token).toBeUndefined();
    expect(tokens.check(`Bearer ${issued.access_token}`)).toMatchObject({ ok: true });
    now += 59_999;
    expect(tokens.check(`Bearer ${issued.access_token}`).ok).toBe(true);
    now += 1;
    expect(tokens.check(`Bearer ${issued.access_token}`)).toEqual({ ok: false, reason: "expired" });
    expect(tokens.check("Bearer nope")).toEqual({ ok: false, reason: "invalid" });
    expect(tokens.check(undefined)).toEqual({ ok: false, reason: "missing" });
  });

  it("issues a refresh token only for offline_access, and rotates it on use", () => {
    const tokens = new TokenService(60, () => 0);
    const issued = tokens.issue({ clientId: "app", scopes: ["all", "offline_access"] });
    const refresh = issued.refresh_token ?? "";
    expect(refresh).not.toBe("");
    expect(tokens.redeemRefreshToken(refresh)).toEqual({
      clientId: "app",
      scopes: ["all", "offline_access"],
    });
    expect(tokens.redeemRefreshToken(refresh)).toBeUndefined();
  });

  it("lets an authorization code be used once, before it expires", () => {
    let now = 0;
    const tokens = new TokenService(60, () => now);
    const code = { clientId: "app", scopes: ["all"], redirectUri: "https://x/cb", codeChallenge: "c" };
    const first = tokens.createCode(code);
    expect(tokens.redeemCode(first)).toMatchObject(code);
    expect(tokens.redeemCode(first)).toBeUndefined();
    const second = tokens.createCode(code);
    now += 5 * 60_000;
    expect(tokens.redeemCode(second)).toBeUndefined();
  });
});
