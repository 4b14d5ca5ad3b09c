/**
 * For code that schedules with setTimeout(0) itself (the workbench delivers Excel events and applies
 * custom-function results that way): jest's fake timers for setTimeout only, so a test runs exactly the
 * timers already scheduled instead of sleeping and hoping they ran. setImmediate stays real, because
 * Excel.run's sync uses it; Date stays real for the timing assertions.
 */
export function fakeTimeouts(): void {
  jest.useFakeTimers({
    doNotFake: [
      "setImmediate",
      "clearImmediate",
      "nextTick",
      "queueMicrotask",
      "Date",
      "hrtime",
      "performance",
    ],
  });
}

/** Runs the promise jobs already queued, then every timer already scheduled and the jobs they start. */
export async function runScheduledTimeouts(): Promise<void> {
  await jest.runOnlyPendingTimersAsync();
}
