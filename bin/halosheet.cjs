#!/usr/bin/env node
// The halosheet command (package "bin"; also `npm run cli`). Runs the TypeScript command line
// through tsx's require hook, so it works straight after `npm install`, with no build step.
const { register } = require("tsx/cjs/api");

register();
const { runCli } = require("../src/cli/main.ts");

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
