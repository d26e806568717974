import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigError } from '@aos-connectors/contract';

export interface LockOptions {
  /** A lock older than this is left over from a crashed holder and is broken. */
  staleMs?: number;
  /** Give up after waiting this long. */
  waitMs?: number;
}

const DEFAULT_STALE_MS = 10_000;
const DEFAULT_WAIT_MS = 15_000;

/**
 * Runs `work` while holding `<path>.lock`, shared between processes: the lock is a file made
 * with an exclusive create (O_EXCL), holding the owner's pid and a token. A lock whose owner
 * process is gone, or which is older than `staleMs`, is broken. Holders keep it for
 * milliseconds (one read-modify-write of a small JSON file), so waiting is short.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = `${path}.lock`;
  const token = `${process.pid}:${randomUUID()}`;
  await ensureDir(dirname(lockPath));
  await acquire(lockPath, token, options.staleMs ?? DEFAULT_STALE_MS, options.waitMs ?? DEFAULT_WAIT_MS);
  try {
    return await work();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, token: string, staleMs: number, waitMs: number): Promise<void> {
  const giveUpAt = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw stateError(lockPath, error);
    }
    const stale = await staleContent(lockPath, staleMs);
    if (stale !== undefined) {
      // Re-read just before removing, so a lock another waiter re-made meanwhile survives
      // (the remaining window is a few microseconds, and only after a holder crashed).
      if ((await readFile(lockPath, 'utf8').catch(() => undefined)) === stale) await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > giveUpAt) {
      throw new ConfigError(`Could not lock ${lockPath} within ${waitMs} ms`, {
        details: { lock_file: lockPath },
        hint: 'Another invocation holds the lock; if none is running, delete the lock file.',
      });
    }
    await sleep(Math.min(5 * 2 ** Math.min(attempt, 4), 50) * (0.5 + Math.random()));
  }
}

/** The content of a lock left by a dead or stuck holder, else undefined. */
async function staleContent(lockPath: string, staleMs: number): Promise<string | undefined> {
  try {
    const [info, content] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    if (Date.now() - info.mtimeMs > staleMs) return content;
    const pid = Number(content.split(':')[0]);
    // An empty file is a holder between create and write: not stale yet.
    return content !== '' && Number.isInteger(pid) && pid > 0 && !processAlive(pid) ? content : undefined;
  } catch {
    // Vanished between our create attempt and now: simply retry.
    return undefined;
  }
}

/** Removes the lock only if it is still ours (it may have been broken as stale meanwhile). */
async function release(lockPath: string, token: string): Promise<void> {
  try {
    if ((await readFile(lockPath, 'utf8')) === token) await rm(lockPath, { force: true });
  } catch {
    // Already gone.
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw stateError(dir, error);
  }
}

export function stateError(path: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new ConfigError(`The state directory cannot be written at ${path} (${code})`, {
    cause: error,
    details: { path, env: 'AOS_STATE_DIR' },
    hint: 'Set AOS_STATE_DIR to a writable directory.',
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
