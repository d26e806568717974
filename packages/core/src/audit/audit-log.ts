import { appendFileSync, mkdirSync } from 'node:fs';

export interface HttpExchange {
  method: string;
  url: string;
  status: number | null;
  request_id: string | null;
  duration_ms: number;
  error?: string;
}

export interface SideEffect {
  kind: string;
  resource: string;
  id: string | null;
}

export interface AuditRecord {
  evidence_id: string;
  timestamp: string;
  tool: string;
  version: string;
  command: string;
  mode: string;
  arguments: unknown;
  dry_run: boolean;
  outcome: string;
  exit_code: number;
  duration_ms: number;
  http: HttpExchange[];
  side_effects: SideEffect[];
}

type Env = Record<string, string | undefined>;

/** The user's home; node:os is loaded only when HOME is unset (it costs start-up time). */
export function homeDirectory(env: Env): string {
  return env.HOME || process.getBuiltinModule('node:os').homedir();
}

export function auditDirectory(env: Env): string | null {
  if (/^(off|0|false|no)$/i.test(env.AOS_AUDIT ?? '')) return null;
  return env.AOS_AUDIT_DIR || `${homeDirectory(env)}/.argentos/audit`;
}

/**
 * Appends one JSON line per invocation to `<dir>/<tool>.jsonl` (CONTRACT §7). A single
 * appendFileSync of one line is atomic enough for concurrent invocations on local disks.
 * Auditing must never break the command, so a failure is reported on stderr and swallowed.
 */
export function writeAuditRecord(
  env: Env,
  record: AuditRecord,
  scrub: (text: string) => string,
  warn: (message: string) => void,
): void {
  const dir = auditDirectory(env);
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    appendFileSync(`${dir}/${record.tool}.jsonl`, scrub(JSON.stringify(record)) + '\n', { mode: 0o600 });
  } catch (error) {
    warn(`audit log not written: ${(error as Error).message}`);
  }
}
