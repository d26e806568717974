import { spawnSync, execFileSync } from 'node:child_process';
import { closeSync, constants, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRotation, DEFAULT_AUDIT_KEEP, DEFAULT_AUDIT_MAX_BYTES, writeAuditRecord } from '../../src/audit/audit-log.js';
import { auditRecord } from './fixtures/record.js';

/** Issue 11 finding 9 (the audit file must be a regular file) and issue 10 (rotation). */

const TOOL = 'aos-audit-test';
const dirs: string[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function auditDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aos-audit-'));
  dirs.push(dir);
  return dir;
}

const record = (n: number, pad = 0) => auditRecord({ tool: TOOL, evidence_id: `ev-${n}`, arguments: { pad: 'x'.repeat(pad) } });

function write(env: Record<string, string>, n: number, pad = 0): string[] {
  const warnings: string[] = [];
  writeAuditRecord(env, record(n, pad), (text) => text, (message) => void warnings.push(message));
  return warnings;
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).evidence_id);
}

describe('audit file that is not a regular file (finding 9)', () => {
  it('a FIFO with no reader: the command ends at once with a warning (a child process, so an old build is killed, not waited on)', () => {
    const dir = auditDir();
    execFileSync('mkfifo', [join(dir, `${TOOL}.jsonl`)]);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/write-one.ts', import.meta.url))], {
      env: { ...process.env, AOS_AUDIT_DIR: dir },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.signal).toBeNull(); // not killed by the timeout: it did not hang
    expect(child.stdout).toBe('done\n');
    expect(child.stderr).toMatch(/warning: audit log not written: .*not a regular file/);
  });

  it('a FIFO with a reader gets nothing written and a warning', () => {
    const dir = auditDir();
    const fifo = join(dir, `${TOOL}.jsonl`);
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    cleanups.push(() => closeSync(reader));
    const warnings = write({ AOS_AUDIT_DIR: dir }, 1);
    expect(warnings).toEqual([expect.stringMatching(/not a regular file/)]);
    let received = 0;
    try {
      received = readSync(reader, Buffer.alloc(16));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    expect(received).toBe(0); // nothing went down the pipe
  });

  it('a symbolic link is not followed: its target is untouched', () => {
    const dir = auditDir();
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep\n');
    symlinkSync(target, join(dir, `${TOOL}.jsonl`));
    expect(write({ AOS_AUDIT_DIR: dir }, 1)).toEqual([expect.stringMatching(/not a regular file/)]);
    expect(readFileSync(target, 'utf8')).toBe('keep\n');
  });

  it('a directory or a link to /dev/null in its place: a warning, nothing written', () => {
    const dir = auditDir();
    mkdirSync(join(dir, `${TOOL}.jsonl`));
    expect(write({ AOS_AUDIT_DIR: dir }, 1)).toEqual([expect.stringMatching(/not a regular file/)]);
    const other = auditDir();
    symlinkSync('/dev/null', join(other, `${TOOL}.jsonl`));
    expect(write({ AOS_AUDIT_DIR: other }, 1)).toEqual([expect.stringMatching(/not a regular file/)]);
  });

  it('a regular file is appended to, created 0600', () => {
    const dir = auditDir();
    expect(write({ AOS_AUDIT_DIR: dir }, 1)).toEqual([]);
    expect(write({ AOS_AUDIT_DIR: dir }, 2)).toEqual([]);
    const path = join(dir, `${TOOL}.jsonl`);
    expect(lines(path)).toEqual(['ev-1', 'ev-2']);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('audit log rotation (issue 10)', () => {
  it('rotates <tool>.jsonl to <tool>.1.jsonl ... past AOS_AUDIT_MAX_BYTES, keeping AOS_AUDIT_KEEP older files', () => {
    const dir = auditDir();
    const lineBytes = JSON.stringify(record(10)).length + 1;
    const env = { AOS_AUDIT_DIR: dir, AOS_AUDIT_MAX_BYTES: String(lineBytes * 2), AOS_AUDIT_KEEP: '2' };
    for (let n = 10; n < 17; n += 1) expect(write(env, n)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([`${TOOL}.1.jsonl`, `${TOOL}.2.jsonl`, `${TOOL}.jsonl`]);
    expect(lines(join(dir, `${TOOL}.2.jsonl`))).toEqual(['ev-12', 'ev-13']);
    expect(lines(join(dir, `${TOOL}.1.jsonl`))).toEqual(['ev-14', 'ev-15']);
    expect(lines(join(dir, `${TOOL}.jsonl`))).toEqual(['ev-16']);
    for (const name of readdirSync(dir)) expect(lstatSync(join(dir, name)).size).toBeLessThanOrEqual(lineBytes * 2);
  });

  it('a line larger than the cap gets a file of its own; AOS_AUDIT_KEEP=0 keeps no older file', () => {
    const dir = auditDir();
    const env = { AOS_AUDIT_DIR: dir, AOS_AUDIT_MAX_BYTES: '100', AOS_AUDIT_KEEP: '0' };
    write(env, 1);
    write(env, 2, 500);
    expect(readdirSync(dir)).toEqual([`${TOOL}.jsonl`]);
    expect(lines(join(dir, `${TOOL}.jsonl`))).toEqual(['ev-2']);
  });

  it('reads its settings from the environment, falling back on bad values', () => {
    expect(auditRotation({})).toEqual({ maxBytes: DEFAULT_AUDIT_MAX_BYTES, keep: DEFAULT_AUDIT_KEEP });
    expect([DEFAULT_AUDIT_MAX_BYTES, DEFAULT_AUDIT_KEEP]).toEqual([10 * 1024 * 1024, 5]);
    expect(auditRotation({ AOS_AUDIT_MAX_BYTES: '2048', AOS_AUDIT_KEEP: '0' })).toEqual({ maxBytes: 2048, keep: 0 });
    expect(auditRotation({ AOS_AUDIT_MAX_BYTES: '0', AOS_AUDIT_KEEP: '-1' })).toEqual({ maxBytes: DEFAULT_AUDIT_MAX_BYTES, keep: DEFAULT_AUDIT_KEEP });
    expect(auditRotation({ AOS_AUDIT_MAX_BYTES: '10MB', AOS_AUDIT_KEEP: 'many' })).toEqual({ maxBytes: DEFAULT_AUDIT_MAX_BYTES, keep: DEFAULT_AUDIT_KEEP });
  });
});
