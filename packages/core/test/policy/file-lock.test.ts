import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/policy/file-lock.js';
import { caught, tempDir } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withFileLock', () => {
  it('runs holders one at a time and removes the lock afterwards', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(path, async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(5);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('releases the lock when the work throws', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    await expect(withFileLock(path, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withFileLock(path, async () => 'again')).toBe('again');
  });

  it('breaks a lock whose holder process is gone', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(`${path}.lock`, '2147483646:dead-holder');
    expect(await withFileLock(path, async () => 'got it', { waitMs: 1000 })).toBe('got it');
  });

  it('breaks a lock older than staleMs even if its pid is alive', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(`${path}.lock`, `${process.pid}:stuck`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, old, old);
    expect(await withFileLock(path, async () => 'got it', { staleMs: 10_000, waitMs: 1000 })).toBe('got it');
  });

  it('gives up with CONFIG_ERROR on a live, fresh lock', async () => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(`${path}.lock`, `${process.pid}:held`);
    const error = await caught(() => withFileLock(path, async () => 'never', { waitMs: 100 }));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.details.lock_file).toBe(`${path}.lock`);
  });
});
