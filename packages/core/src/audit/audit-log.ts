import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';

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

/** Rotation defaults: `<tool>.jsonl` grows to 10 MiB, then 5 older files are kept. */
export const DEFAULT_AUDIT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_AUDIT_KEEP = 5;

function envInteger(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return fallback;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : fallback;
}

/** `AOS_AUDIT_MAX_BYTES` (at least 1) and `AOS_AUDIT_KEEP` (0 keeps no older file); bad values fall back. */
export function auditRotation(env: Env): { maxBytes: number; keep: number } {
  return {
    maxBytes: envInteger(env.AOS_AUDIT_MAX_BYTES, DEFAULT_AUDIT_MAX_BYTES, 1),
    keep: envInteger(env.AOS_AUDIT_KEEP, DEFAULT_AUDIT_KEEP, 0),
  };
}

const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW = 0, O_NONBLOCK = 0, O_NOCTTY = 0 } = constants;
/** Append-only, never through a link, never waiting on a FIFO or device. */
const APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

class NotRegularFile extends Error {}

/** Opens the audit file for appending; throws NotRegularFile for a link, FIFO, device, socket or directory. */
function openAuditFile(path: string): { fd: number; size: number; ino: number } {
  let fd: number;
  try {
    fd = openSync(path, APPEND_FLAGS, 0o600);
  } catch (error) {
    // ELOOP: a link; ENXIO: a FIFO without reader or a socket; EISDIR: a directory.
    if (['ELOOP', 'EMLINK', 'ENXIO', 'EISDIR', 'EOPNOTSUPP', 'ENODEV'].includes(errorCode(error) ?? '')) {
      throw new NotRegularFile(`${path} is not a regular file (${errorCode(error)})`);
    }
    throw error;
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new NotRegularFile(`${path} is not a regular file`);
  }
  return { fd, size: stats.size, ino: stats.ino };
}

/**
 * Shifts `<tool>.jsonl` to `<tool>.1.jsonl`, `.1` to `.2`, ... dropping what falls past `keep`.
 * Skipped when another process rotated first (the name no longer holds the inode we measured).
 */
function rotate(dir: string, tool: string, ino: number, keep: number): void {
  const current = `${dir}/${tool}.jsonl`;
  try {
    if (lstatSync(current).ino !== ino) return;
  } catch {
    return;
  }
  const numbered = (n: number) => `${dir}/${tool}.${n}.jsonl`;
  const ignoreMissing = (action: () => void) => {
    try {
      action();
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  };
  if (keep === 0) {
    ignoreMissing(() => unlinkSync(current));
    return;
  }
  ignoreMissing(() => unlinkSync(numbered(keep)));
  for (let n = keep - 1; n >= 1; n -= 1) ignoreMissing(() => renameSync(numbered(n), numbered(n + 1)));
  ignoreMissing(() => renameSync(current, numbered(1)));
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * Appends one JSON line per invocation to `<dir>/<tool>.jsonl` (CONTRACT §7). One write of one
 * line on an O_APPEND descriptor is atomic enough for concurrent invocations on local disks.
 * The file is opened only as a regular file (O_NOFOLLOW|O_NONBLOCK, then fstat), so a link,
 * FIFO or device in its place is skipped with a warning, never followed or waited on. When the
 * line would take the file past `AOS_AUDIT_MAX_BYTES` it is rotated first (one fstat per append).
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
  const path = `${dir}/${record.tool}.jsonl`;
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const line = Buffer.from(scrub(JSON.stringify(record)) + '\n', 'utf8');
    const { maxBytes, keep } = auditRotation(env);
    let file = openAuditFile(path);
    fd = file.fd;
    if (file.size > 0 && file.size + line.length > maxBytes) {
      rotate(dir, record.tool, file.ino, keep);
      closeSync(fd);
      fd = undefined;
      file = openAuditFile(path);
      fd = file.fd;
    }
    writeAll(fd, line);
  } catch (error) {
    warn(`audit log not written: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
