/** Run progress as one line on stderr: rows, requests, rate-limit waits (past and to come), ETA. */
import type { RunProgress } from "../bulk";

function seconds(ms: number): string {
  // Round to whole seconds first, so 119.5 s reads "2 min 0 s", not "1 min 60 s".
  const total = Math.ceil(ms / 1000);
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

export function progressLine(p: RunProgress): string {
  const parts = [`${p.rowsDone}/${p.rowsTotal} rows`, `${p.requests} requests`, `batch ${p.batchSize}`];
  if (p.rateLimitWaits > 0)
    parts.push(`${p.rateLimitWaits} rate-limit waits (${seconds(p.rateLimitWaitMs)})`);
  if (p.waitingMs !== undefined) parts.push(`waiting ${seconds(p.waitingMs)} for the rate limit`);
  if (p.etaMs !== undefined && p.etaMs > 0) {
    const ahead = p.waitAheadMs ?? 0;
    parts.push(`ETA ${seconds(p.etaMs)}${ahead > 0 ? ` (incl. ${seconds(ahead)} of rate-limit waits)` : ""}`);
  }
  if (p.state !== "running") parts.push(p.state);
  return `push: ${parts.join(", ")}`;
}

/** Prints a line whenever something a person would notice changed (not on every event). */
export function progressPrinter(write: (text: string) => void): (p: RunProgress) => void {
  let last = "";
  return (p) => {
    const key = `${p.rowsDone}|${p.requests}|${p.rateLimitWaits}|${p.state}`;
    if (key === last && p.waitingMs === undefined) return;
    last = key;
    write(`${progressLine(p)}\n`);
  };
}
