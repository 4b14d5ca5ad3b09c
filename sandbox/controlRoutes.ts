/**
 * The sandbox's own control routes for tests and benchmarks: GET /__sandbox/stats, POST /__sandbox/reset
 * (optional body {"seed": n}), GET and POST /__sandbox/faults (body: a fault spec, "" for none), GET and
 * POST /__sandbox/rate-limit (body as --rate-limit: "10/5" is 10 requests per 5 s, "0" off), so a test
 * can make a run wait for the limit and put the started one back (reset does too).
 */
import { parseFaultSpec } from "./faults";
import { parseRateLimit } from "./options";
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
  if (name === "rate-limit" && method === "GET") return json(200, state.limiter.current ?? { off: true });
  if (name === "rate-limit" && method === "POST") {
    try {
      state.limiter.replace(parseRateLimit(body.trim()));
    } catch (error) {
      if (error instanceof SandboxOptionError) return text(400, error.message);
      throw error;
    }
    return json(200, state.limiter.current ?? { off: true });
  }
  return text(404, "Unknown sandbox route.");
}
