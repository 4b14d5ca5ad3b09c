/** Everything one running sandbox holds: its database, tokens, limiter, faults and stats. */
import { openDatabase, saveDatabase, type Database } from "./database";
import { EntityStore } from "./entityStore";
import { FaultInjector } from "./faults";
import type { SandboxConfig } from "./options";
import { RollingWindowLimiter } from "./rateLimit";
import { registerReportFunctions } from "./reportEngine";
import { seedDemoData } from "./seed";
import { SandboxStats } from "./stats";
import { createTables } from "./tables";
import { TokenService } from "./tokens";

const SAVE_DELAY_MS = 200;

export class SandboxState {
  readonly tokens: TokenService;
  readonly limiter: RollingWindowLimiter;
  readonly faults: FaultInjector;
  readonly stats = new SandboxStats();
  private database: Database;
  private entityStore: EntityStore;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    readonly config: SandboxConfig,
    db: Database,
  ) {
    this.tokens = new TokenService(config.tokenTtlSeconds, config.now);
    this.limiter = new RollingWindowLimiter(config.rateLimit);
    this.faults = new FaultInjector(config.faults);
    this.database = db;
    this.entityStore = new EntityStore(db, config.now);
  }

  static async create(config: SandboxConfig): Promise<SandboxState> {
    const db = await SandboxState.openSeeded(config, config.seed, true);
    return new SandboxState(config, db);
  }

  private static async openSeeded(config: SandboxConfig, seed: number, loadFile: boolean): Promise<Database> {
    const { db, loaded } = await openDatabase(loadFile ? config.dataFile : undefined);
    registerReportFunctions(db, config.now);
    if (!loaded) {
      createTables(db);
      seedDemoData(db, seed);
      if (config.dataFile !== undefined) saveDatabase(db, config.dataFile);
    }
    return db;
  }

  get db(): Database {
    return this.database;
  }

  get store(): EntityStore {
    return this.entityStore;
  }

  /** Back to freshly seeded data (same seed unless given); stats, rate windows and the started limit and faults back; tokens kept. */
  async reset(seed = this.config.seed): Promise<void> {
    const fresh = await SandboxState.openSeeded(this.config, seed, false);
    this.database.close();
    this.database = fresh;
    this.entityStore = new EntityStore(fresh, this.config.now);
    this.stats.reset();
    this.limiter.reset();
    this.limiter.replace(this.config.rateLimit);
    this.faults.replace(this.config.faults);
  }

  /** Persists to --data soon after a write (writes in a burst are saved once). */
  scheduleSave(): void {
    if (this.config.dataFile === undefined || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  flush(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.config.dataFile !== undefined) saveDatabase(this.database, this.config.dataFile);
  }

  close(): void {
    this.flush();
    this.database.close();
  }
}
