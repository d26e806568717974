import type { Mode } from '../contract/modes.js';

/** The per-call settings the CLI takes as global flags (CONTRACT §1, §10). */
export interface CallOptions {
  /** Permission mode; default: `AOS_MODE` from the environment, else `readonly`, as on the CLI. */
  mode?: Mode;
  dryRun?: boolean;
  /** The caller's deadline in milliseconds. */
  timeoutMs?: number;
  /** Approval ids or command ids (CONTRACT §10), like repeated `--approve`. */
  approve?: string | string[];
  idempotencyKey?: string;
  /** Environment for this call, over the service's (secrets, settings, AOS_POLICY, ...). */
  env?: Record<string, string | undefined>;
}

/** The global flags of one call; `--json` always, since the envelope is what the service returns. */
export function globalArgv(options: CallOptions): string[] {
  const words = ['--json'];
  if (options.mode !== undefined) words.push(`--mode=${options.mode}`);
  if (options.dryRun) words.push('--dry-run');
  if (options.timeoutMs !== undefined) words.push(`--timeout-ms=${options.timeoutMs}`);
  for (const approval of [options.approve ?? []].flat()) words.push(`--approve=${approval}`);
  if (options.idempotencyKey !== undefined) words.push(`--idempotency-key=${options.idempotencyKey}`);
  return words;
}
