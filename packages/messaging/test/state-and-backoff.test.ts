import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffDelay, StateStore, writeFileAtomic } from '../src/index.js';
import { sleep, unlessAborted, ABORTED } from '../src/backoff.js';
import { classifyAdapterError, isTransient } from '../src/error-policy.js';
import { BackendUnavailableError, RateLimitedError, ValidationFailedError } from '@aos-connectors/contract';
import { tempHome } from './helpers/temp-home.js';

describe('StateStore', () => {
  it('has no cursor on a first run, then round-trips any JSON cursor', async () => {
    const store = new StateStore<{ channels: Record<string, string> }>(join(await tempHome(), 'main.json'));
    expect(await store.load()).toBeUndefined();
    await store.save({ channels: { C1: '1700000000.000100' } });
    expect(await store.load()).toEqual({ channels: { C1: '1700000000.000100' } });
    await store.save({ channels: { C1: '1700000001.000200' } });
    expect(await store.load()).toEqual({ channels: { C1: '1700000001.000200' } });
  });

  it('fails with CONFIG_ERROR on a corrupt state file rather than silently starting over', async () => {
    const path = join(await tempHome(), 'main.json');
    await writeFile(path, '{"version": 1, "cur');
    await expect(new StateStore(path).load()).rejects.toMatchObject({ code: 'CONFIG_ERROR' });
  });

  it('removes temporary files a crash left mid-save', async () => {
    const home = await tempHome();
    await writeFile(join(home, '.main.json.123.abcd.tmp'), '{');
    await writeFile(join(home, '.other.json.123.abcd.tmp'), '{');
    expect(await new StateStore(join(home, 'main.json')).removeStaleTemps()).toBe(1);
    expect(await readdir(home)).toEqual(['.other.json.123.abcd.tmp']);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temporary file', async () => {
    const home = await tempHome();
    const path = join(home, 'f.json');
    await writeFileAtomic(path, 'one');
    await writeFileAtomic(path, 'two');
    expect(await readdir(home)).toEqual(['f.json']);
  });
});

describe('backoff', () => {
  const policy = { baseMs: 100, maxMs: 1000 };

  it('doubles per attempt, is capped, and jitters within the upper half of each window', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    for (let i = 0; i < 100; i += 1) {
      const delay = backoffDelay(3, policy);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });

  it('sleeps unless aborted, and never rejects', async () => {
    expect(await sleep(1)).toBe(true);
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    expect(await sleep(10, controller.signal)).toBe(false);
  });

  it('abandons work on abort and swallows its late rejection', async () => {
    const controller = new AbortController();
    let reject!: (error: Error) => void;
    const work = new Promise<number>((_, r) => (reject = r));
    const raced = unlessAborted(work, controller.signal);
    controller.abort();
    expect(await raced).toBe(ABORTED);
    reject(new Error('late'));
    expect(await unlessAborted(Promise.resolve(7), new AbortController().signal)).toBe(7);
  });
});

describe('error policy', () => {
  it('retries unreachable, slow and rate-limited platforms unless they say not to', () => {
    expect(isTransient(new BackendUnavailableError('502', { details: { retryable: true } }))).toBe(true);
    expect(isTransient(new RateLimitedError('429'))).toBe(true);
    expect(isTransient(new BackendUnavailableError('501', { details: { retryable: false } }))).toBe(false);
    expect(isTransient(new ValidationFailedError('400'))).toBe(false);
  });

  it('maps raw socket and timeout errors to retryable contract errors, anything else to INTERNAL_ERROR', () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    expect(classifyAdapterError(reset)).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { network_error: 'ECONNREFUSED' } });
    expect(classifyAdapterError(new DOMException('timed out', 'TimeoutError'))).toMatchObject({ code: 'TIMEOUT' });
    expect(classifyAdapterError(new RangeError('bug')).code).toBe('INTERNAL_ERROR');
  });
});
