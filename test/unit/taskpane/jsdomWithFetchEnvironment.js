/* jsdom, plus what every browser the add-in runs in has and jsdom lacks: fetch's Response/Headers/Request
   crypto.subtle (PKCE's S256 challenge) and structuredClone; Node's setImmediate for the fake clock's flush. Taken from Node, which implements the same standards. */
const { TestEnvironment } = require("jest-environment-jsdom");
const { webcrypto } = require("crypto");

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { Response, Headers, Request, structuredClone, setImmediate });
    Object.defineProperty(this.global, "crypto", { value: webcrypto, configurable: true });
  }
}

module.exports = JsdomWithFetchEnvironment;
