import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateDirectory } from '../../src/policy/state-dir.js';
import { takeRateToken } from '../../src/policy/rate-budget.js';
import { caught, runWorker, tempDir } from './helpers.js';

describe('state directory', () => {
  it('is AOS_STATE_DIR, else ~/.argentos/state under env.HOME', () => {
    expect(stateDirectory({ AOS_STATE_DIR: '/var/aos', HOME: '/home/x' })).toBe('/var/aos');
    expect(stateDirectory({ HOME: '/home/x' })).toBe(join('/home/x', '.argentos', 'state'));
  });
});

describe('rate_limit_per_minute', () => {
  it('does nothing without a limit', async () => {
    const stateDir = tempDir();
    for (let i = 0; i < 50; i++) await takeRateToken({ stateDir, tool: 'aos-github', limitPerMinute: null });
    expect(existsSync(join(stateDir, 'rate'))).toBe(false);
  });

  it('holds across two invocations sharing the state dir, then refuses with RATE_LIMITED and retry_after_s', async () => {
    const stateDir = tempDir();
    const now = Date.now();
    // Two separate "runs": nothing is shared but the state directory.
    await takeRateToken({ stateDir, tool: 'aos-github', limitPerMinute: 2, now });
    await takeRateToken({ stateDir, tool: 'aos-github', limitPerMinute: 2, now: now + 10_000 });
    const error = await caught(() => takeRateToken({ stateDir, tool: 'aos-github', limitPerMinute: 2, now: now + 20_000 }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.exitCode).toBe(5);
    // The oldest call leaves the window 40 s later.
    expect(error.details).toMatchObject({ retry_after_s: 40, limit_per_minute: 2, field: 'rate_limit_per_minute', retryable: true });
    // Other tools have their own budget.
    await takeRateToken({ stateDir, tool: 'aos-slack', limitPerMinute: 2, now: now + 20_000 });
  });

  it('slides: a slot frees up as the oldest call leaves the window', async () => {
    const stateDir = tempDir();
    const now = Date.now();
    await takeRateToken({ stateDir, tool: 't', limitPerMinute: 1, now });
    expect((await caught(() => takeRateToken({ stateDir, tool: 't', limitPerMinute: 1, now: now + 59_000 }))).details.retry_after_s).toBe(1);
    await takeRateToken({ stateDir, tool: 't', limitPerMinute: 1, now: now + 60_001 });
  });

  it('counts exactly under concurrency', async () => {
    const stateDir = tempDir();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => takeRateToken({ stateDir, tool: 't', limitPerMinute: 5 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(7).fill('RATE_LIMITED'));
  });

  it('holds across separate processes', async () => {
    const stateDir = tempDir();
    const answers = await Promise.all([1, 2, 3].map(() => runWorker(['rate', stateDir, 'aos-github', '2'])));
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    const refused = answers.find((a) => !a.ok)!;
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.details?.retry_after_s).toBeGreaterThan(0);
    // And this process sees the budget the children spent.
    expect((await caught(() => takeRateToken({ stateDir, tool: 'aos-github', limitPerMinute: 2 }))).code).toBe('RATE_LIMITED');
  });

  it('reports an unusable state directory as CONFIG_ERROR', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    // A regular file where a directory should be fails even for root.
    const error = await caught(() => takeRateToken({ stateDir: join(dir, 'file', 'state'), tool: 't', limitPerMinute: 1 }));
    expect(error.code).toBe('CONFIG_ERROR');
  });
});
