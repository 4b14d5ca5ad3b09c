/**
 * One batch in flight per Halo instance: runs that share a port (the pane's push and an undo, say)
 * take turns per batch instead of racing each other into Halo's rate limit.
 */
const tails = new WeakMap<object, Promise<void>>();

export async function withInstanceLock<T>(instance: object, work: () => Promise<T>): Promise<T> {
  const before = tails.get(instance) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  tails.set(
    instance,
    before.then(() => mine),
  );
  await before;
  try {
    return await work();
  } finally {
    release();
  }
}
