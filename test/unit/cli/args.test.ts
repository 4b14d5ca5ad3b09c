import { parseCliArgs } from "../../../src/cli/args";
import { CliError } from "../../../src/cli/cliErrors";

const base = ["--url", "https://acme.halopsa.com", "--client-id", "abc"];

describe("parseCliArgs", () => {
  it("reads push with every option", () => {
    const args = parseCliArgs(
      [
        "push",
        ...base,
        "--client-secret",
        "s3",
        "--entity",
        "Client",
        "--in",
        "rows.csv",
        "--snapshot",
        "orig.csv",
        "--batch-size",
        "50",
        "--allow-create",
        "--dry-run",
        "--out",
        "res.csv",
      ],
      {},
    );
    expect(args).toEqual({
      command: "push",
      connection: {
        url: "https://acme.halopsa.com",
        clientId: "abc",
        clientSecret: "s3",
        secretOnCommandLine: true,
      },
      entity: "Client",
      input: "rows.csv",
      snapshot: "orig.csv",
      out: "res.csv",
      batchSize: 50,
      allowCreate: true,
      dryRun: true,
      dontFireAutomations: false,
      verify: false,
    });
  });

  it("takes the secret from HALO_CLIENT_SECRET and defaults --out to results.csv", () => {
    const args = parseCliArgs(["push", ...base, "--entity", "Client", "--in", "rows.csv"], {
      HALO_CLIENT_SECRET: "env",
    });
    expect(args).toMatchObject({ connection: { clientSecret: "env" }, out: "results.csv" });
  });

  it.each([
    [
      ["push", ...base, "--entity", "Client", "--in", "r.csv"],
      {},
      /--client-secret is required \(or set HALO_CLIENT_SECRET\)/,
    ],
    [["push", ...base, "--client-secret", "s", "--in", "r.csv"], {}, /--entity is required/],
    [
      ["push", ...base, "--client-secret", "s", "--entity", "Client", "--in", "r.csv", "--batch-size", "0"],
      {},
      /--batch-size must be a whole number/,
    ],
    [
      ["pull", ...base, "--client-secret", "s", "--entity", "Client", "--sql", "select 1", "--out", "o.csv"],
      {},
      /exactly one of --report, --sql or --entity/,
    ],
    [["pull", ...base, "--client-secret", "s", "--entity", "Client"], {}, /--out is required/],
    [["frob"], {}, /unknown command "frob"/],
    [["push", "--nope"], {}, /Unknown option '--nope'/],
  ])("rejects %p", (argv, env, message) => {
    expect(() => parseCliArgs(argv, env)).toThrow(CliError);
    expect(() => parseCliArgs(argv, env)).toThrow(message);
  });

  it("reads pull sources", () => {
    const common = [...base, "--client-secret", "s", "--out", "o.csv"];
    expect(parseCliArgs(["pull", ...common, "--report", "Open tickets"], {})).toMatchObject({
      source: { kind: "report", report: "Open tickets" },
    });
    expect(parseCliArgs(["pull", ...common, "--sql", "select 1"], {})).toMatchObject({
      source: { kind: "sql", sql: "select 1" },
    });
    expect(parseCliArgs(["pull", ...common, "--entity", "Site"], {})).toMatchObject({
      source: { kind: "entity", entity: "Site" },
    });
    expect(parseCliArgs([], {})).toEqual({ command: "help" });
  });
});
