/** The sign-in dialog page: the code never stays in the URL; only https (or localhost) authorize pages are opened. */
import { runDialogPage } from "../../../src/dialog/dialogPage";

function page(search: string) {
  const calls: string[] = [];
  const sent: string[] = [];
  let url = `/dialog.html${search}`;
  runDialogPage({
    location: {
      search,
      pathname: "/dialog.html",
      assign: (to: string | URL) => calls.push(`assign ${String(to)}`),
    },
    history: {
      replaceState: (_data: unknown, _unused: string, to?: string | URL | null) => {
        calls.push("replaceState");
        url = String(to);
      },
    },
    messageParent: (message) => {
      calls.push("messageParent");
      sent.push(message);
    },
  });
  return { calls, sent, url: () => url };
}

describe("the sign-in dialog page", () => {
  it("takes the code out of the URL before handing it to the task pane", () => {
    const shown = page("?code=secret-code-1&state=s-1");
    expect(shown.calls).toEqual(["replaceState", "messageParent"]);
    expect(shown.url()).toBe("/dialog.html");
    expect(JSON.parse(shown.sent[0])).toEqual({ type: "code", code: "secret-code-1", state: "s-1" });
  });

  it("goes on to an https authorize page, and refuses any other", () => {
    expect(
      page(`?authorize=${encodeURIComponent("https://acme.halopsa.com/auth/authorize?x=1")}`).calls,
    ).toEqual(["assign https://acme.halopsa.com/auth/authorize?x=1"]);
    const refused = page(`?authorize=${encodeURIComponent("javascript:alert(1)")}`);
    expect(refused.calls).toEqual(["messageParent"]);
    expect(JSON.parse(refused.sent[0])).toMatchObject({ type: "error", error: "invalid_request" });
  });
});
