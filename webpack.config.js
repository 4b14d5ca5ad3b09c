/* Builds the add-in pages: task pane (with the custom functions, one shared runtime),
   commands, sign-in dialog, plus functions.json, the manifest and the icons. */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, DefinePlugin, sources } = require("webpack");
// The build's settings and manifest logic are TypeScript (tested in test/build); tsx loads them here.
const { require: requireTs } = require("tsx/cjs/api");
const { readBuildSettings, BuildSettingsError } = requireTs("./scripts/build/buildSettings.ts", __filename);
const { renderManifest } = requireTs("./scripts/build/manifest.ts", __filename);
const { contentSecurityPolicy } = requireTs("./scripts/build/csp.ts", __filename);
const packageInfo = require("./package.json");

const DEV_PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Served from the npm package in development so the workbench and tests work offline.
const OFFICE_JS_LOCAL = "/office-js/office.js";
// The workbench (development only): an Excel host in the browser, see workbench/ui.
const { workbenchMiddleware } = require("./workbench/ui/server/workbenchMiddleware");

/**
 * The HALO.* functions take `any` arguments and handle Excel error values themselves: a #N/A in one
 * row of a spilled =HALO.PAYLOAD becomes that row's message, not the whole spill's error. Excel passes
 * error values to functions only when functions.json says so, and the JSDoc generator cannot.
 */
const allowErrorInputs = {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorInputs", (compilation) =>
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorInputs", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          if (!compilation.getAsset("functions.json")) return;
          compilation.updateAsset("functions.json", (source) => {
            const metadata = { ...JSON.parse(source.source().toString()), allowErrorForDataTypeAny: true };
            return new sources.RawSource(JSON.stringify(metadata, null, 4));
          });
        },
      ),
    );
  },
};

/** HTTPS for sideloading into real Excel; plain HTTP on localhost is enough for the workbench. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

/** HALOSHEET_ORIGIN and HALOSHEET_HALO_ORIGINS (docs/install.md); a wrong one stops the build with its message. */
function buildSettings(dev) {
  try {
    return readBuildSettings(process.env, dev);
  } catch (error) {
    if (!(error instanceof BuildSettingsError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(2);
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const settings = buildSettings(dev);
  const officeJsUrl = dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  const csp = contentSecurityPolicy(settings);
  // The add-in pages share one template (office.js + a React root); help.html is static text.
  const page = (name, chunks, title, template = "./src/pages/addin-page.html") =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      title,
      templateParameters: { officeJsUrl, csp },
    });

  return {
    // No eval-based source maps (the pages' CSP forbids eval); none at all in the published dist/.
    devtool: dev ? "source-map" : false,
    entry: {
      // The pane shares the functions bundle's modules, so both see one src/runtime.ts (one signed-in client).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      functions: "./src/functions/register.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/dialog/index.ts",
      ...(dev ? { workbench: "./workbench/ui/index.tsx" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      allowErrorInputs,
      // npm start: the Connect form opens filled in for the local sandbox (URL and demo client ID, never a
      // secret); production builds define null, so a shipped add-in offers nothing.
      new DefinePlugin({
        __HALOSHEET_DEV_SANDBOX__: JSON.stringify(
          dev && env.sandboxUrl ? { instanceUrl: env.sandboxUrl, clientId: "halosheet-demo" } : null,
        ),
      }),
      // One shared runtime: the task pane page also hosts the custom functions and ribbon commands.
      page("taskpane", ["functions", "commands", "taskpane"], "HaloSheet"),
      page("commands", ["commands"], "HaloSheet commands"),
      page("dialog", ["dialog"], "Sign in to Halo"),
      page("help", [], "HaloSheet help", "./src/pages/help.html"),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: "workbench.html",
              template: "./workbench/ui/workbench.html",
              chunks: ["workbench"],
              title: "HaloSheet workbench",
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => renderManifest(content.toString(), settings, packageInfo.version),
          },
          ...(dev ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js" }] : []),
          ...(dev
            ? [{ from: "**/*.css", context: "node_modules/@glideapps/glide-data-grid/dist", to: "glide" }]
            : []),
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [],
      server: env.https ? { type: "https", options: await httpsOptions() } : "http",
      client: { overlay: { warnings: false, errors: true } },
      // `--env workbench` (npm start): the task pane gets the workbench's Office globals, not office.js.
      setupMiddlewares: (middlewares) =>
        env.workbench
          ? [
              { name: "workbench", middleware: workbenchMiddleware({ sandboxUrl: env.sandboxUrl }) },
              ...middlewares,
            ]
          : middlewares,
    },
  };
};
