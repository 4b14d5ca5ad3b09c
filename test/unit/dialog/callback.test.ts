import { readAuthorizationResponse } from "../../../src/dialog/callback";

describe("sign-in dialog callback", () => {
  it("reads the code and state Halo redirects with", () => {
    expect(readAuthorizationResponse("?code=abc&state=s1")).toEqual({
      type: "code",
      code: "abc",
      state: "s1",
    });
  });
  it("reads an authorization error", () => {
    expect(readAuthorizationResponse("?error=access_denied&error_description=No")).toEqual({
      type: "error",
      error: "access_denied",
      description: "No",
    });
  });
  it("returns null before the redirect", () => {
    expect(readAuthorizationResponse("?authorize=https%3A%2F%2Fx")).toBeNull();
  });
});
