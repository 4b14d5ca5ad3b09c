/* What the browser tests and the screenshot run against, as npm start sets it up: a sandbox with demo
   data and the dev server with the workbench connected to it. */
import { startSandbox } from "../../../sandbox/server";
import { startWorkbenchServer } from "../../../workbench/ui/server/devServer";

export interface Servers {
  /** The dev server's base URL, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The sandbox the workbench is connected to, as npm start connects one. */
  sandboxUrl: string;
  close(): Promise<void>;
}

export async function startServers(): Promise<Servers> {
  // Ports are chosen by the system, so any origin may call this sandbox.
  const sandbox = await startSandbox({ port: 0, cors: "*" });
  const server = await startWorkbenchServer({
    port: 0,
    host: "127.0.0.1",
    sandboxUrl: sandbox.url,
    watch: false,
  });
  return {
    baseUrl: server.url,
    sandboxUrl: sandbox.url,
    async close() {
      await server.close();
      await sandbox.close();
    },
  };
}
