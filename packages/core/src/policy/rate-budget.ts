import { RateLimitedError } from '@aos-connectors/contract';
import { updateJsonFile } from './json-store.js';
import { stateFile } from './state-dir.js';

const WINDOW_MS = 60_000;

interface RateState {
  /** Start times (epoch ms) of the calls within the last window, oldest first. */
  calls: number[];
}

export interface RateBudgetRequest {
  stateDir: string;
  tool: string;
  /** The policy's rate_limit_per_minute; null means unlimited (nothing is written). */
  limitPerMinute: number | null;
  /** For tests. */
  now?: number;
}

/**
 * Takes one call from the tool's budget, or throws RATE_LIMITED with `retry_after_s`.
 * A sliding one-minute window kept in `<state>/rate/<tool>.json`, shared by every process
 * under one lock, so the limit holds across separate invocations.
 */
export async function takeRateToken(request: RateBudgetRequest): Promise<void> {
  const limit = request.limitPerMinute;
  if (limit === null) return;
  const path = stateFile(request.stateDir, 'rate', request.tool);
  const refusal = await updateJsonFile<RateState, RateLimitedError | undefined>(path, () => ({ calls: [] }), (state) => {
    const now = request.now ?? Date.now();
    const calls = (Array.isArray(state.calls) ? state.calls : []).filter(
      (at) => typeof at === 'number' && at > now - WINDOW_MS && at <= now,
    ).sort((a, b) => a - b);
    if (calls.length >= limit) {
      // The call that frees a slot is the one `limit` places from the newest.
      const freesAt = calls[calls.length - limit]! + WINDOW_MS;
      const retryAfterS = Math.max(1, Math.ceil((freesAt - now) / 1000));
      return { result: refused(request.tool, limit, retryAfterS, path), next: { calls } };
    }
    calls.push(now);
    return { result: undefined, next: { calls } };
  });
  if (refusal) throw refusal;
}

function refused(tool: string, limit: number, retryAfterS: number, path: string): RateLimitedError {
  return new RateLimitedError(`The policy allows ${limit} ${tool} calls per minute; try again in ${retryAfterS} s`, {
    details: {
      tool,
      field: 'rate_limit_per_minute',
      limit_per_minute: limit,
      retry_after_s: retryAfterS,
      retryable: true,
      state_file: path,
    },
    hint: `Wait ${retryAfterS} s, or ask the operator to raise rate_limit_per_minute.`,
  });
}
