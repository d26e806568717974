import { manifestSchema, type Manifest } from '@aos-connectors/contract';
import { verdictOfHealthOutput, type HealthVerdict } from './install-state.js';
import { runBinary, type SpawnOutcome } from './spawn-json.js';
import type { Env } from './types.js';

export interface SpawnSettings {
  env: Env;
  timeoutMs: number;
}

/** Whether a verdict is worth caching: a process that ran and answered, not one we had to kill. */
export type Judged<T> = { value: T; cacheable: boolean } | { error: string; cacheable: boolean };

function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line.trim();
}

/** The single JSON value on stdout (CONTRACT §2), or why there is none. */
function jsonOfOutcome(outcome: SpawnOutcome, what: string): Judged<unknown> {
  if (outcome.kind === 'timeout') return { error: `timed out after ${outcome.ms} ms`, cacheable: false };
  if (outcome.kind === 'failed') return { error: `${what} ${outcome.message}`, cacheable: false };
  const text = outcome.stdout.trim();
  const exit = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.code}`;
  const hint = firstLine(outcome.stderr);
  if (text === '') return { error: `${what} printed nothing and ${exit}${hint ? `: ${hint}` : ''}`, cacheable: true };
  try {
    return { value: JSON.parse(text), cacheable: true };
  } catch {
    return { error: `${what} printed ${text.length} characters that are not one JSON envelope (${exit})`, cacheable: true };
  }
}

/** `<bin> --json health` → an installState. Never throws. */
export async function probeHealthOf(binPath: string, settings: SpawnSettings): Promise<HealthVerdict & { cacheable: boolean }> {
  const judged = jsonOfOutcome(await runBinary(binPath, ['--json', 'health'], settings.env, settings.timeoutMs), 'health');
  if ('error' in judged) return { installState: 'error', reason: judged.error, cacheable: judged.cacheable };
  return { ...verdictOfHealthOutput(judged.value), cacheable: true };
}

/**
 * `<bin> --json capabilities` → the manifest part of it (capabilities is a superset). Only for a
 * PATH executable that has no connector.json beside it, and only when asked.
 */
export async function loadCapabilitiesOf(binPath: string, settings: SpawnSettings): Promise<Judged<Manifest>> {
  const judged = jsonOfOutcome(await runBinary(binPath, ['--json', 'capabilities'], settings.env, settings.timeoutMs), 'capabilities');
  if ('error' in judged) return judged;
  const envelope = judged.value as { ok?: unknown; data?: unknown } | null;
  if (envelope?.ok !== true) return { error: 'capabilities did not return a success envelope', cacheable: true };
  const parsed = manifestSchema.safeParse(envelope.data);
  if (!parsed.success) return { error: 'capabilities do not describe a valid connector', cacheable: true };
  return { value: parsed.data, cacheable: true };
}
