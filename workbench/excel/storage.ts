/* OfficeRuntime.storage: an asynchronous string key/value store, kept in the window's localStorage
   (in memory when there is none), with Excel's 10 MB-per-add-in limit and string-only values. */

const PREFIX = "OfficeRuntime.storage:";
const LIMIT_BYTES = 10 * 1024 * 1024;

interface StringStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

function memoryStore(): StringStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    keys: () => [...map.keys()],
  };
}

function localStore(storage: Storage): StringStore {
  return {
    getItem: (k) => storage.getItem(PREFIX + k),
    setItem: (k, v) => storage.setItem(PREFIX + k, v),
    removeItem: (k) => storage.removeItem(PREFIX + k),
    keys: () => {
      const out: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) out.push(key.slice(PREFIX.length));
      }
      return out;
    },
  };
}

export class OfficeRuntimeStorage {
  private readonly store: StringStore;

  constructor(storage?: Storage | null) {
    this.store = storage ? localStore(storage) : memoryStore();
  }

  private size(extra: Record<string, string>): number {
    let total = 0;
    const keys = new Set([...this.store.keys(), ...Object.keys(extra)]);
    for (const k of keys) total += k.length + (extra[k] ?? this.store.getItem(k) ?? "").length;
    return total;
  }

  async getItem(key: string): Promise<string | null> {
    return this.store.getItem(key);
  }

  async setItem(key: string, value: string): Promise<void> {
    return this.setItems({ [key]: value });
  }

  async removeItem(key: string): Promise<void> {
    this.store.removeItem(key);
  }

  async getItems(keys: string[]): Promise<Record<string, string | null>> {
    return Object.fromEntries(keys.map((k) => [k, this.store.getItem(k)]));
  }

  async setItems(items: Record<string, string>): Promise<void> {
    for (const [k, v] of Object.entries(items)) {
      if (typeof v !== "string") throw new TypeError(`OfficeRuntime.storage stores strings only (key ${k}).`);
    }
    if (this.size(items) > LIMIT_BYTES) throw new Error("OfficeRuntime.storage is full (10 MB).");
    for (const [k, v] of Object.entries(items)) this.store.setItem(k, v);
  }

  async removeItems(keys: string[]): Promise<void> {
    keys.forEach((k) => this.store.removeItem(k));
  }

  async getKeys(): Promise<string[]> {
    return this.store.keys();
  }
}
