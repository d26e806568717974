import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@aos-connectors/contract';
import { AuthFailedError, BackendUnavailableError, RateLimitedError, ValidationFailedError } from '@aos-connectors/contract';
import {
  ensureQueueDirs,
  FailedQueue,
  OutboxPoller,
  queuePaths,
  writeOutgoing,
  type OutboxPollerOptions,
  type OutgoingMessage,
  type SendContext,
} from '../src/index.js';
import { until } from './helpers/fake-adapter.js';
import { captureLog, ls, readJson, tempHome } from './helpers/temp-home.js';

type Send = (message: OutgoingMessage, ctx: SendContext) => Promise<unknown>;

async function setup(send: Send, options: Partial<OutboxPollerOptions> = {}) {
  const home = await tempHome();
  const paths = queuePaths(home, 'main');
  await ensureQueueDirs(paths);
  const stop = new AbortController();
  const { lines, log } = captureLog();
  const failed = new FailedQueue(paths, { tool: 'aos-fake', version: '1.2.3', mode: 'write' });
  const poller = new OutboxPoller({
    paths,
    adapter: { send: async (message, ctx) => void (await send(message, ctx)) },
    failed,
    signal: stop.signal,
    log,
    random: () => 0,
    retry: { maxAttempts: 4, baseMs: 20, maxMs: 1000 },
    settleMs: 0,
    pollIntervalMs: 20,
    ...options,
  });
  return { home, paths, stop, lines, poller };
}

describe('OutboxPoller', () => {
  it('sends in arrival order, passing the file name as id, and deletes each file only after the send resolved', async () => {
    const seen: { id: string; text: string; stillQueued: boolean }[] = [];
    let dir = '';
    const { home, paths, poller } = await setup(async (message) => {
      const stillQueued = await access(join(dir, `${message.id}.json`)).then(() => true, () => false);
      seen.push({ id: message.id, text: message.text, stillQueued });
    });
    dir = paths.outbox;
    const files = [];
    for (const text of ['one', 'two', 'three']) files.push(await writeOutgoing(home, 'main', { conversation_id: 'c', text }));
    await poller.drain();
    expect(seen.map((s) => s.text)).toEqual(['one', 'two', 'three']);
    expect(seen.map((s) => s.id)).toEqual(files.map((f) => f.replace(/\.json$/, '')));
    expect(seen.every((s) => s.stillQueued)).toBe(true);
    expect(await ls(paths.outbox)).toEqual([]);
    expect(poller.stats).toMatchObject({ sent: 3, failed: 0 });
  });

  it("uses the file's own id when it has one", async () => {
    const ids: string[] = [];
    const { paths, poller } = await setup(async (message) => void ids.push(message.id));
    await writeFile(join(paths.outbox, 'a.json'), JSON.stringify({ id: 'reply-42', conversation_id: 'c', text: 'x' }));
    await poller.drain();
    expect(ids).toEqual(['reply-42']);
  });

  it('retries a transient failure with growing, jittered backoff and then succeeds', async () => {
    const attempts: { at: number; attempt: number }[] = [];
    const { home, paths, poller, lines } = await setup(async (_message, ctx) => {
      attempts.push({ at: Date.now(), attempt: ctx.attempt });
      if (ctx.attempt < 3) throw new BackendUnavailableError('HTTP 502', { details: { http_status: 502, retryable: true } });
    });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'hello' });
    await poller.drain();
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // random() = 0 gives the lower half of each window: 20 ms * 2^(n-1) / 2.
    expect(lines.filter((l) => l.includes('attempt'))).toEqual([
      expect.stringMatching(/\(BACKEND_UNAVAILABLE: HTTP 502\); attempt 2\/4 in 10 ms$/),
      expect.stringMatching(/attempt 3\/4 in 20 ms$/),
    ]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(9);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(19);
    expect(await ls(paths.outbox)).toEqual([]);
    expect(poller.stats).toMatchObject({ sent: 1, retries: 2, failed: 0 });
  });

  it('treats a raw network error as transient and waits at least the Retry-After of a rate limit', async () => {
    let calls = 0;
    const times: number[] = [];
    const { home, poller } = await setup(async () => {
      times.push(Date.now());
      calls += 1;
      if (calls === 1) throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
      if (calls === 2) throw new RateLimitedError('slow down', { details: { retryable: true, retry_after_s: 0.15 } });
    });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'hello' });
    await poller.drain();
    expect(calls).toBe(3);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(145);
  });

  it('moves a permanent failure to failed/ at once, with its error envelope beside it', async () => {
    let calls = 0;
    const { home, paths, poller } = await setup(async () => {
      calls += 1;
      throw new ValidationFailedError('chat not found (HTTP 400)', { details: { http_status: 400, retryable: false } });
    });
    const file = await writeOutgoing(home, 'main', { conversation_id: 'nope', text: 'hello' });
    await poller.drain();
    expect(calls).toBe(1);
    expect(await ls(paths.outbox)).toEqual([]);
    const base = `main.${file.replace(/\.json$/, '')}`;
    expect(await ls(paths.failed)).toEqual([`${base}.error.json`, `${base}.json`]);
    expect(await readJson(join(paths.failed, `${base}.json`))).toEqual({ conversation_id: 'nope', text: 'hello' });
    const envelope = await readJson(join(paths.failed, `${base}.error.json`));
    expect(errorEnvelopeSchema.parse(envelope)).toBeTruthy();
    expect(envelope).toMatchObject({
      ok: false,
      tool: 'aos-fake',
      command: 'gateway.send',
      error: {
        code: 'VALIDATION_FAILED',
        message: 'chat not found (HTTP 400)',
        details: { http_status: 400, retryable: false, instance: 'main', outbox_file: file, attempts: 1 },
      },
      meta: { mode: 'write', version: '1.2.3' },
    });
    expect(poller.stats).toMatchObject({ sent: 0, failed: 1 });
  });

  it('moves a message to failed/ when the retries are exhausted, and a non-retryable 5xx at once', async () => {
    const { home, paths, poller } = await setup(async (message) => {
      if (message.text === 'down') throw new BackendUnavailableError('HTTP 503', { details: { retryable: true } });
      throw new BackendUnavailableError('HTTP 501', { details: { retryable: false } });
    });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'down' });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'unimplemented' });
    await poller.drain();
    const envelopes = await Promise.all(
      (await ls(paths.failed)).filter((f) => f.endsWith('.error.json')).map((f) => readJson(join(paths.failed, f))),
    );
    expect(envelopes.map((e) => [e.error.message, e.error.details.attempts])).toEqual([
      ['HTTP 503', 4],
      ['HTTP 501', 1],
    ]);
    expect(poller.stats).toMatchObject({ failed: 2, retries: 3 });
  });

  it('moves an invalid file to failed/ with an INVALID_USAGE envelope, and goes on with the next', async () => {
    const sent: string[] = [];
    const { home, paths, poller } = await setup(async (message) => void sent.push(message.text));
    await writeFile(join(paths.outbox, '0001-broken.json'), '{"conversation_id": "c", "te');
    await writeFile(join(paths.outbox, '0002-no-text.json'), JSON.stringify({ conversation_id: 'c' }));
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'fine' });
    await poller.drain();
    expect(sent).toEqual(['fine']);
    expect(await ls(paths.failed)).toEqual([
      'main.0001-broken.error.json',
      'main.0001-broken.json',
      'main.0002-no-text.error.json',
      'main.0002-no-text.json',
    ]);
    const broken = await readJson(join(paths.failed, 'main.0001-broken.error.json'));
    expect(broken.error).toMatchObject({ code: 'INVALID_USAGE', message: 'Outbox file 0001-broken.json is not valid JSON' });
    const noText = await readJson(join(paths.failed, 'main.0002-no-text.error.json'));
    expect(noText.error.code).toBe('INVALID_USAGE');
    expect(noText.error.details.issues).toEqual([{ path: 'text', message: expect.any(String) }]);
    expect(errorEnvelopeSchema.safeParse(noText).success).toBe(true);
  });

  it('leaves a just-written unparseable file for a later scan (it may still be being written)', async () => {
    const { paths, poller } = await setup(async () => undefined, { settleMs: 60_000 });
    await writeFile(join(paths.outbox, 'partial.json'), '{"conversation_id"');
    await poller.drain();
    expect(await ls(paths.outbox)).toEqual(['partial.json']);
    expect(await ls(paths.failed)).toEqual([]);
  });

  it('ignores temporary and dot files', async () => {
    const sent: string[] = [];
    const { paths, poller } = await setup(async (message) => void sent.push(message.id));
    await writeFile(join(paths.outbox, '.x.json.123.tmp'), '{');
    await writeFile(join(paths.outbox, '.hidden.json'), '{');
    await poller.drain();
    expect(sent).toEqual([]);
    expect(await ls(paths.failed)).toEqual([]);
  });

  it('suffixes a failed name that is already taken', async () => {
    const { paths, poller } = await setup(async () => {
      throw new AuthFailedError('refused');
    });
    for (let i = 0; i < 2; i += 1) {
      await writeFile(join(paths.outbox, 'same.json'), JSON.stringify({ conversation_id: 'c', text: 'x' }));
      await poller.drain();
    }
    expect(await ls(paths.failed)).toEqual(['main.same.1.error.json', 'main.same.1.json', 'main.same.error.json', 'main.same.json']);
  });
});

describe('OutboxPoller.run and stop', () => {
  it('picks up files written while it runs', async () => {
    const sent: string[] = [];
    const { home, paths, poller, stop } = await setup(async (message) => void sent.push(message.text), { pollIntervalMs: 5000 });
    const running = poller.run();
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'late' });
    await until(() => sent.length === 1, 3000); // woken by fs.watch, well before the 5 s scan
    stop.abort();
    await running;
    expect(await ls(paths.outbox)).toEqual([]);
  });

  it('lets the send in flight finish on stop, deletes it, and starts no other', async () => {
    let release!: () => void;
    const started: string[] = [];
    const { home, paths, poller, stop } = await setup(async (message) => {
      started.push(message.text);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'first' });
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'second' });
    const running = poller.run();
    await until(() => started.length === 1);
    stop.abort();
    release();
    await running;
    expect(started).toEqual(['first']);
    expect(await ls(paths.outbox)).toHaveLength(1);
    expect(poller.stats.sent).toBe(1);
  });

  it('keeps the message queued when its send outlasts the grace period or fails during stop', async () => {
    let signalSeen: AbortSignal | undefined;
    const { home, paths, poller, stop, lines } = await setup(
      (_message, ctx) => {
        signalSeen = ctx.signal;
        return new Promise(() => undefined); // a send that never settles and ignores its signal
      },
      { sendGraceMs: 30 },
    );
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'stuck' });
    const running = poller.run();
    await until(() => signalSeen !== undefined);
    stop.abort();
    await running;
    expect(signalSeen!.aborted).toBe(true);
    expect(await ls(paths.outbox)).toHaveLength(1);
    expect(await ls(paths.failed)).toEqual([]);
    expect(lines.at(-1)).toMatch(/stays queued$/);
  });

  it('stops waiting between retries at once and keeps the message', async () => {
    let calls = 0;
    const { home, paths, poller, stop } = await setup(
      async () => {
        calls += 1;
        throw new BackendUnavailableError('down', { details: { retryable: true } });
      },
      { retry: { maxAttempts: 10, baseMs: 60_000, maxMs: 60_000 } },
    );
    await writeOutgoing(home, 'main', { conversation_id: 'c', text: 'x' });
    const running = poller.run();
    await until(() => calls === 1);
    const t0 = Date.now();
    stop.abort();
    await running;
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await ls(paths.outbox)).toHaveLength(1);
    expect(await ls(paths.failed)).toEqual([]);
  });
});
