/** Issue 11, defect 6: the secret is asked for without echo when stdin is a terminal. */
import { EventEmitter } from "node:events";
import { runCli } from "../../../src/cli/main";
import { promptHidden, withPromptedSecret, type TerminalInput } from "../../../src/cli/secretPrompt";

class FakeTerminal extends EventEmitter implements TerminalInput {
  raw = false;
  setRawMode(raw: boolean): this {
    this.raw = raw;
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  type(text: string): void {
    this.emit("data", text);
  }
}

describe("the hidden secret prompt", () => {
  it("reads up to Enter with raw mode on, echoes nothing of what is typed, and honours backspace", async () => {
    const terminal = new FakeTerminal();
    let shown = "";
    const answer = promptHidden("Client secret: ", terminal, (text) => (shown += text));
    expect(terminal.raw).toBe(true);
    terminal.type("s3cr");
    terminal.type("x\u007fet\r");
    await expect(answer).resolves.toBe("s3cret");
    expect(shown).toBe("Client secret: \n");
    expect(terminal.raw).toBe(false);
  });

  it("Ctrl+C cancels", async () => {
    const terminal = new FakeTerminal();
    const answer = promptHidden("? ", terminal, () => undefined);
    terminal.type("ab\u0003");
    await expect(answer).rejects.toThrow("cancelled");
  });

  it("asks only when a pull or push has no secret from the command line or HALO_CLIENT_SECRET", async () => {
    const asked: string[] = [];
    const prompt = async (question: string): Promise<string> => {
      asked.push(question);
      return "typed";
    };
    const push = ["push", "--url", "x", "--client-id", "y"];
    await expect(withPromptedSecret(push, {}, prompt)).resolves.toEqual({ HALO_CLIENT_SECRET: "typed" });
    await withPromptedSecret(push, { HALO_CLIENT_SECRET: "env" }, prompt);
    await withPromptedSecret([...push, "--client-secret", "z"], {}, prompt);
    await withPromptedSecret(["--help"], {}, prompt);
    expect(asked).toHaveLength(1);
    await expect(withPromptedSecret(push, {}, undefined)).resolves.toEqual({});
  });

  it("without a terminal, a missing secret is a usage error that says how to give one", async () => {
    let stderr = "";
    const code = await runCli(
      ["pull", "--url", "https://acme.invalid", "--entity", "Client", "--out", "o.csv"],
      {
        env: {},
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain("HALO_CLIENT_SECRET");
  });
});
