/* Node middleware for the workbench: swaps the task pane's office.js for the workbench loader and
   tells the page which sandbox it is connected to. Used by the webpack dev server (npm start) and
   by the browser tests' static server. */
const fs = require("fs");
const path = require("path");

const OFFICE_JS_PATH = "/office-js/office.js";
const CONFIG_PATH = "/workbench-config.json";
const loaderSource = fs.readFileSync(path.join(__dirname, "officeLoader.js"), "utf8");

/**
 * @param {{ sandboxUrl?: string }} options
 * @returns {(req: import("http").IncomingMessage, res: import("http").ServerResponse, next: () => void) => void}
 */
function workbenchMiddleware(options) {
  const config = JSON.stringify({ sandboxUrl: options.sandboxUrl ?? null });
  return (req, res, next) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === OFFICE_JS_PATH) {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" });
      res.end(loaderSource);
      return;
    }
    if (pathname === CONFIG_PATH) {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(config);
      return;
    }
    next();
  };
}

module.exports = { workbenchMiddleware };
