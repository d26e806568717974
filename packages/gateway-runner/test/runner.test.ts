import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, runGateways } from '../src/index.js';
import { eventually, FAKE, writeConfig } from './support.js';

const FAST = 'restart: { base_ms: 50, max_ms: 200, reset_after_ms: 60000, stop_timeout_ms: 500 }\n';

/** Runs the supervisor in-process on a YAML file, capturing both streams; `stop()` is SIGTERM. */
async function supervise(yaml: string, env: Record<string, string> = {}, options: { failFast?: boolean } = {}) {
  const file = writeConfig(yaml);
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: tmpdir(), FAKE: FAKE, ...env };
  const config = await loadConfig(file, fullEnv);
  let stdout = '';
  let stderr = '';
  const stop = new AbortController();
  const result = runGateways(config, {
    env: fullEnv,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    signal: stop.signal,
    failFast: options.failFast,
    random: () => 0.5,
  });
  return { result, stop: () => stop.abort(), out: () => stdout, err: () => stderr };
}

const instance = (name: string, behaviour: string, extra = '') =>
  `  - name: ${name}\n    connector: \${FAKE}\n    home: /tmp/aos-home\n    env: { FAKE_BEHAVIOUR: "${behaviour}"${extra} }\n`;

describe('aos-gateway supervision (a fake connector bin)', () => {
  it('starts each instance as "<bin> --mode <mode> gateway --home --name", prefixes its lines, and stops it cleanly', async () => {
    const run = await supervise(`${FAST}instances:\n${instance('tg', 'run', ', TELEGRAM_BOT_TOKEN: "t-123"')}${instance('mail', 'run')}    mode: admin\n`, { RUNNER_SECRET: 'not-for-children', AOS_AUDIT_DIR: '/tmp/aos-audit', AOS_TIMEOUT_MS: '1000' });
    await eventually(() => run.err().includes('[tg] running') && run.err().includes('[mail] running'), 'both instances');
    expect(run.err()).toContain('[tg] argv --mode write gateway --home /tmp/aos-home --name tg');
    expect(run.err()).toContain('[mail] argv --mode admin gateway --home /tmp/aos-home --name mail');
    // Least privilege: each child sees its own env, not the runner's other variables.
    // AOS_* settings pass (the audit directory, the policy), but not a caller's one-command deadline.
    expect(run.err()).toContain('[tg] env AOS_AUDIT_DIR,FAKE_BEHAVIOUR,TELEGRAM_BOT_TOKEN\n');
    expect(run.err()).toContain('[mail] env AOS_AUDIT_DIR,FAKE_BEHAVIOUR\n');
    run.stop();
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(0);
    expect(outcomes).toEqual([
      { name: 'tg', status: 'stopped', exitCode: 0, reason: 'exited with code 0 after stop', restarts: 0 },
      { name: 'mail', status: 'stopped', exitCode: 0, reason: 'exited with code 0 after stop', restarts: 0 },
    ]);
    expect(run.err()).toContain('[tg] got SIGTERM, stopping');
    // A last line without a newline is still forwarded, prefixed.
    expect(run.out()).toContain('[tg] {"instance":"tg"}\n');
    expect(run.err()).toMatch(/aos-gateway: done: every instance stopped cleanly/);
  });

  it('restarts a crashing instance with capped exponential backoff until it runs', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'aos-gw-count-')), 'count');
    const run = await supervise(`${FAST}instances:\n${instance('flaky', 'crash-first:3', `, FAKE_COUNTER: "${counter}"`)}`);
    await eventually(() => run.err().includes('[flaky] running'), 'the fourth start', 15_000);
    const delays = [...run.err().matchAll(/restarting in (\d+) ms/g)].map((m) => Number(m[1]));
    // base 50 doubling, capped at 200, half of it jittered (random 0.5 → 3/4 of the ceiling).
    expect(delays).toEqual([38, 75, 150]);
    expect(run.err()).toMatch(/\[flaky\] exited with code 1 after \d+\.\d s; restarting in 38 ms/);
    run.stop();
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(0);
    expect(outcomes[0]).toMatchObject({ status: 'stopped', restarts: 3 });
  });

  it.each([
    [4, 'authentication or configuration error'],
    [3, 'permission denied'],
    [2, 'invalid usage, or the instance already runs elsewhere'],
  ])('does not restart an instance that exits %i, and exits %i itself', async (code, meaning) => {
    const run = await supervise(`${FAST}instances:\n${instance('bad', `exit:${code}`)}`);
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(code);
    expect(outcomes[0]).toMatchObject({ status: 'failed', exitCode: code, restarts: 0, reason: `exited with code ${code} (${meaning}); not restarting` });
    expect(run.err()).toMatch(new RegExp(`\\[bad\\] FAILED: exited with code ${code}`));
    expect(run.err()).not.toContain('restarting in');
  });

  it('keeps the other instances running when one fails for good, and exits non-zero after the stop', async () => {
    const run = await supervise(`${FAST}instances:\n${instance('bad', 'exit:4')}${instance('good', 'run')}`);
    await eventually(() => run.err().includes('[bad] FAILED') && run.err().includes('[good] running'), 'one failed, one running');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.err()).not.toContain('[good] got SIGTERM');
    run.stop();
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(4);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['bad', 'failed'], ['good', 'stopped']]);
  });

  it('with --fail-fast stops everything when one instance fails for good', async () => {
    const run = await supervise(`${FAST}instances:\n${instance('good', 'run')}${instance('bad', 'exit:4')}`, {}, { failFast: true });
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(4);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['good', 'stopped'], ['bad', 'failed']]);
    expect(run.err()).toMatch(/bad failed: stopping 2 instance\(s\) with SIGTERM/);
  });

  it('gives up after max_restarts quick crashes in a row (exit 1)', async () => {
    const run = await supervise(`restart: { base_ms: 20, max_ms: 40, max_restarts: 2 }\ninstances:\n${instance('loop', 'exit:1')}`);
    const { exitCode, outcomes } = await run.result;
    expect(exitCode).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: 'failed', exitCode: 1, restarts: 2, reason: 'exited with code 1; 2 restart(s) in a row did not help' });
  });

  it('kills an instance that ignores SIGTERM once the stop timeout passes', async () => {
    const run = await supervise(`${FAST}instances:\n${instance('stubborn', 'stubborn')}`);
    await eventually(() => run.err().includes('[stubborn] running'), 'the instance');
    const started = Date.now();
    run.stop();
    const { exitCode, outcomes } = await run.result;
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(run.err()).toContain('[stubborn] ignoring SIGTERM');
    expect(run.err()).toContain('did not exit within 500 ms of SIGTERM; killing it');
    expect(outcomes[0]).toMatchObject({ status: 'stopped', exitCode: null, reason: 'was killed by SIGKILL after stop' });
    expect(exitCode).toBe(0);
  });

  it('refuses to run when every instance is disabled (CONFIG_ERROR)', async () => {
    const config = await loadConfig(writeConfig('instances:\n  - { name: a, connector: aos-x, home: /tmp/h, enabled: false }\n'), {});
    await expect(runGateways(config, { env: {}, stdout: () => undefined, stderr: () => undefined })).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringMatching(/every instance is disabled \(a\); nothing to run/) });
  });

  it('refuses to start anything when a connector cannot be found (CONFIG_ERROR)', async () => {
    const file = writeConfig('instances:\n  - { name: a, connector: aos-surely-not-installed, home: /tmp/h }\n  - { name: b, connector: ./missing.js, home: /tmp/h }\n');
    const config = await loadConfig(file, {});
    await expect(runGateways(config, { env: { PATH: '/nonexistent' }, stdout: () => undefined, stderr: () => undefined })).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
      message: 'Connector executable not found: aos-surely-not-installed (instance a), ./missing.js (instance b)',
    });
  });
});
