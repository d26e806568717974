import type { ToolPolicy } from './tool-policy.js';

const MB = 1024 * 1024;

/** The invocation's deadline: the shorter of the caller's `--timeout-ms` and timeout_seconds. */
export function effectiveTimeoutMs(policy: ToolPolicy, callerMs: number | undefined): number | undefined {
  const policyMs = policy.timeout_seconds === null ? undefined : Math.ceil(policy.timeout_seconds * 1000);
  if (policyMs === undefined) return callerMs;
  return callerMs === undefined ? policyMs : Math.min(callerMs, policyMs);
}

/** The response size cap: max_response_size_mb when set (the operator's word), else `fallback`. */
export function effectiveMaxResponseBytes(policy: ToolPolicy, fallback: number): number {
  return policy.max_response_size_mb === null ? fallback : Math.floor(policy.max_response_size_mb * MB);
}
