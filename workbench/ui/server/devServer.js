/* Starts the webpack dev server with the workbench (in memory, development build). Shared by
   `npm start` (scripts/start.mjs) and the browser tests, so the tests exercise what users run. */
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../../../webpack.config.js");

/**
 * @param {{ port: number; host?: string; sandboxUrl?: string; liveReload?: boolean; watch?: boolean; quiet?: boolean }} options
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
/** The dev server's browser client as an entry: the socket is on the page's own host and port. */
function liveReloadClient(client) {
  const query = new URLSearchParams({
    protocol: "auto:",
    hostname: "0.0.0.0",
    port: "0",
    pathname: "/ws",
    logging: "warn",
    overlay: JSON.stringify(client?.overlay ?? true),
    reconnect: "10",
    hot: "false",
    "live-reload": "true",
  });
  return `${require.resolve("webpack-dev-server/client/index.js")}?${query}`;
}

async function startWorkbenchServer(options) {
  const host = options.host ?? "localhost";
  const liveReload = options.liveReload ?? false;
  const config = await makeConfig(
    { workbench: true, sandboxUrl: options.sandboxUrl },
    { mode: "development" },
  );
  config.mode = "development";
  config.infrastructureLogging = { level: options.quiet ? "error" : "warn" };
  // Tests build once: edits made meanwhile must not swap the bundle under a running page.
  if (options.watch === false) config.watchOptions = { ignored: "**/*" };
  // The dev server would put its live-reload client into every entry; on the task pane page (which loads
  // the functions, commands and taskpane entries together) that module is then missing and the page
  // throws. Only the workbench page gets it: reloading the workbench reloads the task pane frame too.
  if (liveReload)
    config.entry.workbench = [liveReloadClient(config.devServer.client), config.entry.workbench];
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host,
      port: options.port,
      liveReload,
      client: false,
      webSocketServer: liveReload ? "ws" : false,
      devMiddleware: { stats: options.quiet ? "errors-only" : "errors-warnings" },
    },
    compiler,
  );
  await server.start();
  const stats = await new Promise((resolve) => server.middleware.waitUntilValid(resolve));
  if (stats.hasErrors()) {
    await server.stop();
    throw new Error(`The workbench build failed:\n${stats.toString("errors-only")}`);
  }
  // Port 0 asks the system for a free port (tests); report the one it gave.
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { url: `http://${host}:${port}`, close: () => server.stop() };
}

module.exports = { startWorkbenchServer };
