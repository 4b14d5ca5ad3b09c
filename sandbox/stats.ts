/** What tests and benchmarks read from GET /__sandbox/stats. */
export interface StatsSnapshot {
  startedAt: string;
  /** "GET /api/Client" -> { "200": 3, "429": 1 }; "reset" counts connections destroyed by a fault. */
  requests: Record<string, Record<string, number>>;
  totalRequests: number;
  rowsWritten: {
    created: number;
    updated: number;
    byEntity: Record<string, { created: number; updated: number }>;
  };
  rateLimited: number;
  faults: Record<string, number>;
}

export class SandboxStats {
  private startedAt = new Date().toISOString();
  private requests: StatsSnapshot["requests"] = {};
  private totalRequests = 0;
  private rowsWritten: StatsSnapshot["rowsWritten"] = { created: 0, updated: 0, byEntity: {} };
  private rateLimited = 0;

  recordRequest(route: string, status: number | "reset"): void {
    const byStatus = (this.requests[route] ??= {});
    const key = String(status);
    byStatus[key] = (byStatus[key] ?? 0) + 1;
    this.totalRequests += 1;
    if (status === 429) this.rateLimited += 1;
  }

  recordWrites(entity: string, created: number, updated: number): void {
    const entry = (this.rowsWritten.byEntity[entity] ??= { created: 0, updated: 0 });
    entry.created += created;
    entry.updated += updated;
    this.rowsWritten.created += created;
    this.rowsWritten.updated += updated;
  }

  snapshot(faults: Record<string, number>): StatsSnapshot {
    return JSON.parse(
      JSON.stringify({
        startedAt: this.startedAt,
        requests: this.requests,
        totalRequests: this.totalRequests,
        rowsWritten: this.rowsWritten,
        rateLimited: this.rateLimited,
        faults,
      }),
    ) as StatsSnapshot;
  }

  reset(): void {
    this.startedAt = new Date().toISOString();
    this.requests = {};
    this.totalRequests = 0;
    this.rowsWritten = { created: 0, updated: 0, byEntity: {} };
    this.rateLimited = 0;
  }
}
