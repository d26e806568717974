import * as z from 'zod';
import type { InstallState, ProbedHealth } from './types.js';

/**
 * The state of a connector whose binary was found but whose health has not been probed (the
 * catalog is built without spawning anything; CONTRACT §8 probes health on demand).
 *
 * §8 has exactly four states, and an unprobed binary fits none of them fully: `ready` claims a
 * healthy probe that did not happen, `error` a probe that failed, `repo-only` a missing binary.
 * `needs-setup` is the one that promises nothing false to an agent: the connector is there and
 * may work, but must not be counted on until `health` says so, and the next step is the
 * connector's own health check (`aos health <tool>` or `aos list --probe`), which turns it into
 * `ready`, `needs-setup` or `error`. UNPROBED_REASON says which needs-setup this is; a probed
 * entry also has `probedAt`.
 */
export const UNPROBED_STATE: InstallState = 'needs-setup';
export const UNPROBED_REASON = 'health not probed yet: run `aos health <tool>` or `aos list --probe`';

export interface HealthVerdict {
  installState: InstallState;
  reason?: string;
  health?: ProbedHealth;
}

/**
 * Health `data.status` (CONTRACT §5, snake_case) → installState (§8, kebab-case). The two
 * vocabularies differ in one word, and comparing them verbatim is exactly the bug that made
 * configured connectors look unready; so statuses are normalized first (`needs-setup`,
 * `Needs Setup` → `needs_setup`) and then looked up here, never compared to state names.
 *
 * `degraded` means configured but the backend misbehaved during the probe (timeout, 5xx, rate
 * limit: see harness/builtins/health.ts). Nothing needs setting up and it is usually
 * transient, so it counts as `ready`; `health.status` still says `degraded`.
 */
const STATE_OF_STATUS: Readonly<Record<string, InstallState>> = {
  healthy: 'ready',
  degraded: 'ready',
  needs_setup: 'needs-setup',
  error: 'error',
};

/** Error codes a connector without a proper `health` uses for "not configured" (CONTRACT §3, exit 4). */
const SETUP_ERROR_CODES = new Set(['AUTH_REQUIRED', 'CONFIG_ERROR']);

export function normalizeHealthStatus(status: string): string {
  return status.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function installStateOfStatus(status: string): InstallState | undefined {
  return STATE_OF_STATUS[normalizeHealthStatus(status)];
}

// Lenient on purpose: PATH connectors may predate this core, so only what the verdict needs is required.
const healthDataSchema = z.object({
  status: z.string(),
  ready: z.boolean().optional(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().catch('') })).catch([]),
  next_steps: z.array(z.string()).catch([]),
});

const probeEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: healthDataSchema }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string().catch('') }) }),
]);

/** Judges the one JSON value a `--json health` call printed. */
export function verdictOfHealthOutput(output: unknown): HealthVerdict {
  const parsed = probeEnvelopeSchema.safeParse(output);
  if (!parsed.success) return { installState: 'error', reason: 'health printed JSON that is not a health envelope' };
  const envelope = parsed.data;
  if (!envelope.ok) {
    const { code, message } = envelope.error;
    const reason = message ? `${code}: ${message}` : code;
    return { installState: SETUP_ERROR_CODES.has(code) ? 'needs-setup' : 'error', reason };
  }
  const data = envelope.data;
  const status = normalizeHealthStatus(data.status);
  const installState = STATE_OF_STATUS[status];
  const health: ProbedHealth = {
    status,
    ready: data.ready ?? status === 'healthy',
    checks: data.checks,
    next_steps: data.next_steps,
  };
  if (!installState) return { installState: 'error', reason: `unrecognized health status "${data.status}"`, health };
  if (status === 'healthy') return { installState, health };
  const failed = data.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);
  return { installState, reason: failed.length ? failed.join('; ') : `health status ${status}`, health };
}
