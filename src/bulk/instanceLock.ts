/**
 * One batch in flight per Halo instance: runs that share an instance (the pane's push and an undo,
 * say) take turns per batch instead of racing each other into Halo's rate limit.
 */
const tails = new Map<unknown, Promise<void>>();

/** Runs `work` after every earlier holder of the same key (an instance URL, or a port object). */
export async function withInstanceLock<T>(key: unknown, work: () => Promise<T>): Promise<T> {
  const before = tails.get(key) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = before.then(() => mine);
  tails.set(key, tail);
  await before;
  try {
    return await work();
  } finally {
    release();
    // Forget idle keys so the map does not grow with every port.
    if (tails.get(key) === tail) tails.delete(key);
  }
}
