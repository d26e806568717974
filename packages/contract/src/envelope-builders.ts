import type { ErrorCode } from './error-codes.js';
import type { Mode } from './modes.js';

/** Facts about one invocation that every envelope's `meta` reports (CONTRACT §2). */
export interface Invocation {
  tool: string;
  version: string;
  evidenceId: string;
  startedAt: number;
  mode: Mode;
  dryRun: boolean;
  requestIds: string[];
}

export interface EnvelopeError {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

export function envelopeMeta(invocation: Invocation, now = Date.now()) {
  const meta: Record<string, unknown> = {
    mode: invocation.mode,
    duration_ms: Math.max(0, now - invocation.startedAt),
    timestamp: new Date(invocation.startedAt).toISOString(),
    version: invocation.version,
    evidence_id: invocation.evidenceId,
  };
  if (invocation.dryRun) meta.dry_run = true;
  if (invocation.requestIds.length > 0) meta.request_ids = [...invocation.requestIds];
  return meta;
}

export function successEnvelope(invocation: Invocation, command: string, data: unknown) {
  return { ok: true, tool: invocation.tool, command, data, meta: envelopeMeta(invocation) };
}

export function errorEnvelope(invocation: Invocation, command: string, error: EnvelopeError) {
  return { ok: false, tool: invocation.tool, command, error, meta: envelopeMeta(invocation) };
}
