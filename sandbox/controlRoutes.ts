/**
 * The sandbox's own control routes for tests and benchmarks: GET /__sandbox/stats, POST /__sandbox/reset
 * (optional body {"seed": n}), GET and POST /__sandbox/faults (body: a fault spec, "" for none).
 */
import { parseFaultSpec } from "./faults";
import { json, text, type Reply } from "./http";
import { SandboxOptionError } from "./optionError";
import { parseJsonBody } from "./postBody";
import type { SandboxState } from "./state";

export async function controlRoute(
  state: SandboxState,
  method: string,
  name: string,
  body: string,
): Promise<Reply> {
  if (name === "stats" && method === "GET") return json(200, state.stats.snapshot({ ...state.faults.fired }));
  if (name === "reset" && method === "POST") {
    const parsed = body.trim() === "" ? {} : parseJsonBody(body);
    const seed = parsed !== null && typeof parsed === "object" && "seed" in parsed ? parsed.seed : undefined;
    await state.reset(typeof seed === "number" && Number.isInteger(seed) && seed >= 0 ? seed : undefined);
    return json(200, { reset: true });
  }
  if (name === "faults" && method === "GET") return json(200, state.faults.current);
  if (name === "faults" && method === "POST") {
    try {
      state.faults.replace(parseFaultSpec(body.trim()));
    } catch (error) {
      if (error instanceof SandboxOptionError) return text(400, error.message);
      throw error;
    }
    return json(200, state.faults.current);
  }
  return text(404, "Unknown sandbox route.");
}
