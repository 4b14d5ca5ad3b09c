// jsdom lacks ResizeObserver, which some Fluent UI components use on mount.
if (typeof globalThis.ResizeObserver === "undefined") {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
}

// jsdom lacks TextEncoder/TextDecoder, which the add-in's pages have in every browser Office supports.
if (typeof globalThis.TextEncoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("util") as typeof import("util");
  globalThis.TextEncoder = util.TextEncoder as unknown as typeof TextEncoder;
  globalThis.TextDecoder = util.TextDecoder as unknown as typeof TextDecoder;
}
