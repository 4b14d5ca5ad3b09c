/** OfficeRuntime.storage in memory, for the pane's component tests; `entries` shows what was stored. */
export class MemoryStorage implements OfficeRuntime.Storage {
  readonly entries = new Map<string, string>();

  async getItem(key: string): Promise<string | null> {
    return this.entries.get(key) ?? null;
  }
  async setItem(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }
  async removeItem(key: string): Promise<void> {
    this.entries.delete(key);
  }
  async getItems(keys: string[]): Promise<{ [key: string]: string | null }> {
    return Object.fromEntries(keys.map((key) => [key, this.entries.get(key) ?? null]));
  }
  async setItems(items: { [key: string]: string }): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.entries.set(key, value);
  }
  async removeItems(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }
  async getKeys(): Promise<string[]> {
    return [...this.entries.keys()];
  }

  /** Every key and value, for asserting what never lands here. */
  text(): string {
    return [...this.entries].map(([key, value]) => `${key}=${value}`).join("\n");
  }
}
