/** Bad sandbox configuration (CLI flag or startSandbox option): names the option and what it accepts. */
export class SandboxOptionError extends Error {
  readonly option: string;

  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.name = "SandboxOptionError";
    this.option = option;
  }
}
