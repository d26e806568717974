import { execFileSync } from 'node:child_process';
import { constants, closeSync, openSync } from 'node:fs';
import { appendFile, lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, link, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTLE_MS,
  ensureQueueDirs,
  FailedQueue,
  OutboxPoller,
  queuePaths,
  readRegularFile,
  runGateway,
  SentIds,
  type GatewayOptions,
  type OutboxPollerOptions,
  type OutgoingMessage,
} from '../src/index.js';
import { scriptedAdapter, until } from './helpers/fake-adapter.js';
import { gatewayTestOptions } from './helpers/gateway-options.js';
import { captureLog, ls, readJson, tempHome } from './helpers/temp-home.js';

/**
 * Finding 8 and 10c (issue 11): the gateway does not trust the file system under its home, and
 * sends a duplicated explicit id once. No test sleeps: time is moved with utimes, and anything
 * that used to hang is raced against a short explicit deadline.
 */

const fifos: string[] = [];
const servers: Server[] = [];

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
}

/** A unix socket file at `path` (created elsewhere and renamed in, like any queue file). */
async function socketFile(dir: string, path: string): Promise<void> {
  const at = join(dir, `s-${servers.length}.sock`);
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(at, resolve));
  await rename(at, path);
}

afterEach(async () => {
  // Unblock any open() an old build left waiting on a FIFO, so the worker can end.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting, or gone
    }
  }
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Rejects when `work` takes longer than `ms`: what used to hang fails instead of stalling the run. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const json = (message: Record<string, unknown>) => JSON.stringify(message);

async function setup(options: Partial<OutboxPollerOptions> = {}) {
  const home = await tempHome();
  const paths = queuePaths(home, 'main');
  await ensureQueueDirs(paths);
  const sent: OutgoingMessage[] = [];
  const { lines, log } = captureLog();
  const stop = new AbortController();
  const make = (extra: Partial<OutboxPollerOptions> = {}) =>
    new OutboxPoller({
      paths,
      adapter: { send: async (message) => void sent.push(message) },
      failed: new FailedQueue(paths, { tool: 'aos-fake', version: '1.0.0', mode: 'write' }),
      signal: stop.signal,
      log,
      random: () => 0,
      settleMs: 0,
      pollIntervalMs: 20,
      ...options,
      ...extra,
    });
  return { home, paths, sent, lines, stop, poller: make(), make };
}

/** An outside directory next to the home, holding what must never be read or written. */
async function outside(home: string): Promise<string> {
  const dir = `${home}-outside`;
  await mkdir(dir, { recursive: true });
  return dir;
}

describe('outbox files the gateway must not trust (finding 8)', () => {
  it('never sends a linked file\'s content from outside: the link itself goes to failed/, its target untouched, and the next file is sent', async () => {
    const { home, paths, sent, poller } = await setup();
    const out = await outside(home);
    try {
      const secret = join(out, 'secret.json');
      await writeFile(secret, json({ conversation_id: 'c', text: 'secret from outside' }));
      await symlink(secret, join(paths.outbox, '0001-link.json'));
      await writeFile(join(paths.outbox, '0002-fine.json'), json({ conversation_id: 'c', text: 'fine' }));
      await poller.drain();
      expect(sent.map((m) => m.text)).toEqual(['fine']);
      const moved = join(paths.failed, 'main.0001-link.json');
      expect((await lstat(moved)).isSymbolicLink()).toBe(true);
      expect(await readlink(moved)).toBe(secret);
      expect(await readFile(secret, 'utf8')).toContain('secret from outside');
      const envelope = await readJson(join(paths.failed, 'main.0001-link.error.json'));
      expect(envelope.error).toMatchObject({ code: 'INVALID_USAGE', details: { entry: 'symbolic link' } });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('a FIFO in the outbox neither hangs the poller nor blocks later messages; it goes to failed/ once', async () => {
    const { paths, sent, poller, make } = await setup();
    mkfifo(join(paths.outbox, '0001-fifo.json'));
    await writeFile(join(paths.outbox, '0002-after.json'), json({ conversation_id: 'c', text: 'after' }));
    await within(5000, poller.drain());
    expect(sent.map((m) => m.text)).toEqual(['after']);
    expect((await lstat(join(paths.failed, 'main.0001-fifo.json'))).isFIFO()).toBe(true);
    await within(5000, make().drain()); // a restart finds nothing left to trip on
    expect(await ls(paths.failed)).toEqual(['main.0001-fifo.error.json', 'main.0001-fifo.json']);
  });

  it('a directory, a self-referencing link, a link to /dev/zero, a socket and a link to a folder inside the home, each named *.json, go to failed/ and the rest is sent, across restarts', async () => {
    const { home, paths, sent, make } = await setup();
    await mkdir(join(paths.outbox, '0001-dir.json'));
    await symlink('0002-self.json', join(paths.outbox, '0002-self.json'));
    await symlink('/dev/zero', join(paths.outbox, '0003-zero.json'));
    await socketFile(home, join(paths.outbox, '0004-socket.json'));
    await symlink(paths.inbox, join(paths.outbox, '0005-inbox.json'));
    await writeFile(join(paths.outbox, '0006-fine.json'), json({ conversation_id: 'c', text: 'fine' }));
    for (let restart = 0; restart < 2; restart += 1) await within(5000, make().drain());
    expect(sent.map((m) => m.text)).toEqual(['fine']);
    expect(await ls(paths.outbox)).toEqual([]);
    const failed = await ls(paths.failed);
    expect(failed.filter((name) => !name.endsWith('.error.json'))).toEqual([
      'main.0001-dir.json',
      'main.0002-self.json',
      'main.0003-zero.json',
      'main.0004-socket.json',
      'main.0005-inbox.json',
    ]);
    const entries = await Promise.all(
      ['0001-dir', '0002-self', '0003-zero', '0004-socket', '0005-inbox'].map(async (base) => (await readJson(join(paths.failed, `main.${base}.error.json`))).error.details.entry),
    );
    expect(entries).toEqual(['directory', 'symbolic link', 'symbolic link', 'socket', 'symbolic link']);
    expect(await readdir(paths.inbox)).toEqual([]); // the linked folder was moved as a link, not emptied
  });

  it('a file over the 1 MiB cap goes to failed/ unread, even while young (a file grown past the cap)', async () => {
    const { paths, sent, poller } = await setup({ settleMs: 60_000 });
    const path = join(paths.outbox, '0001-big.json');
    await writeFile(path, '{"conversation_id": "c", "text": "');
    await poller.drain();
    expect(await ls(paths.outbox)).toEqual(['0001-big.json']); // unparseable and young: waited for
    await appendFile(path, 'x'.repeat(1024 * 1024));
    await poller.drain();
    expect(sent).toEqual([]);
    const envelope = await readJson(join(paths.failed, 'main.0001-big.error.json'));
    expect(envelope.error.message).toMatch(/larger than 1048576 bytes/);
  });

  it('reads a regular file from its descriptor and stops at the cap', async () => {
    const home = await tempHome();
    const path = join(home, 'f.json');
    await writeFile(path, 'x'.repeat(10));
    expect(await readRegularFile(path, 10)).toMatchObject({ kind: 'file', text: 'x'.repeat(10) });
    expect(await readRegularFile(path, 9)).toMatchObject({ kind: 'oversized' });
    expect(await readRegularFile(join(home, 'missing.json'))).toEqual({ kind: 'gone' });
  });

  it('a hard link to a file elsewhere is not sent once settled (and waited for while young)', async () => {
    const { home, paths, sent, make } = await setup({ settleMs: 10_000 });
    const elsewhere = join(home, 'private.json');
    await writeFile(elsewhere, json({ conversation_id: 'c', text: 'private' }));
    await link(elsewhere, join(paths.outbox, '0001-hard.json'));
    await make().drain();
    expect(await ls(paths.outbox)).toEqual(['0001-hard.json']);
    const old = new Date(Date.now() - 60_000);
    await utimes(elsewhere, old, old);
    await make().drain();
    expect(sent).toEqual([]);
    expect((await readJson(join(paths.failed, 'main.0001-hard.error.json'))).error.message).toMatch(/hard links/);
    expect(await readFile(elsewhere, 'utf8')).toContain('private');
  });
});

describe('an incomplete outbox file (a writer paused mid-file, finding 8)', () => {
  it('keeps an unparseable file for 30 s by its mtime by default: a writer paused 3.5 s loses nothing', async () => {
    expect(DEFAULT_SETTLE_MS).toBe(30_000);
    const { paths, sent, make } = await setup({ settleMs: undefined });
    const path = join(paths.outbox, '0001-paused.json');
    await writeFile(path, '{"conversation_id": "c", "te');
    const paused = new Date(Date.now() - 3500);
    await utimes(path, paused, paused);
    await make().drain();
    expect(await ls(paths.failed)).toEqual([]);
    await appendFile(path, 'xt": "finished"}');
    await make().drain();
    expect(sent.map((m) => m.text)).toEqual(['finished']);
  });

  it('fails it once its mtime is older than the grace period, or implausibly far in the future', async () => {
    const { paths, make } = await setup({ settleMs: 30_000 });
    const stale = join(paths.outbox, '0001-stale.json');
    const future = join(paths.outbox, '0002-future.json');
    const young = join(paths.outbox, '0003-young.json');
    for (const path of [stale, future, young]) await writeFile(path, '{"conversation_id"');
    await utimes(stale, new Date(Date.now() - 31_000), new Date(Date.now() - 31_000));
    await utimes(future, new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_600_000));
    await make().drain();
    expect(await ls(paths.outbox)).toEqual(['0003-young.json']);
    expect(await ls(paths.failed)).toEqual([
      'main.0001-stale.error.json',
      'main.0001-stale.json',
      'main.0002-future.error.json',
      'main.0002-future.json',
    ]);
  });
});

describe('failed/ entries the gateway must not trust (finding 8)', () => {
  it('a FIFO, a socket and a dangling link under the names a failure would take are left alone; it takes the next free name', async () => {
    const { home, paths, poller } = await setup();
    const out = await outside(home);
    try {
      mkfifo(join(paths.failed, 'main.x.json'));
      await socketFile(home, join(paths.failed, 'main.x.1.json'));
      await symlink(join(out, 'planted.json'), join(paths.failed, 'main.x.2.error.json'));
      await writeFile(join(paths.outbox, 'x.json'), '{not json');
      await within(5000, poller.drain());
      expect(await ls(paths.failed)).toEqual([
        'main.x.1.json',
        'main.x.2.error.json',
        'main.x.3.error.json',
        'main.x.3.json',
        'main.x.json',
      ]);
      expect((await lstat(join(paths.failed, 'main.x.2.error.json'))).isSymbolicLink()).toBe(true);
      expect(await readdir(out)).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

function gatewayOptions(home: string, extra: Partial<GatewayOptions<number>> = {}) {
  const adapter = scriptedAdapter();
  const outbox = { pollIntervalMs: 20, settleMs: 0, retry: { maxAttempts: 2, baseMs: 5, maxMs: 10 } };
  return { ...gatewayTestOptions(home, adapter, { outbox, ...extra }), adapter };
}

describe('queue folders and --home (finding 8)', () => {
  for (const folder of [['messages', 'outbox', 'main'], ['messages', 'failed'], ['messages']] as const) {
    it(`refuses a symlinked ${folder.join('/')} folder with CONFIG_ERROR naming it, and writes nothing outside`, async () => {
      const home = await tempHome();
      const out = await outside(home);
      try {
        if (folder.length > 1) await mkdir(join(home, ...folder.slice(0, -1)), { recursive: true });
        await writeFile(join(out, 'unrelated.json'), json({ conversation_id: 'c', text: 'not yours' }));
        await symlink(out, join(home, ...folder));
        const { opts } = gatewayOptions(home);
        const error = await within(5000, runGateway(opts)).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringContaining(join(home, ...folder)) });
        expect(await readdir(out)).toEqual(['unrelated.json']);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    });
  }

  it('stops with CONFIG_ERROR when the outbox folder is swapped for a link while running, sending nothing from it', async () => {
    const home = await tempHome();
    const out = await outside(home);
    try {
      const { opts, adapter } = gatewayOptions(home);
      const running = runGateway(opts);
      const paths = queuePaths(home, 'main');
      await until(async () => (await ls(paths.state)).includes('main.lock'));
      await writeFile(join(out, 'unrelated.json'), json({ conversation_id: 'c', text: 'not yours' }));
      await rm(paths.outbox, { recursive: true });
      await symlink(out, paths.outbox);
      await expect(within(5000, running)).rejects.toMatchObject({ code: 'CONFIG_ERROR' });
      expect(adapter.sent).toEqual([]);
      expect(await readdir(out)).toEqual(['unrelated.json']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  for (const home of ['/dev/null', '/proc/self', '/dev/stdin', '/sys/kernel']) {
    it(`--home ${home} is a CONFIG_ERROR, at once`, async () => {
      const { opts } = gatewayOptions(home);
      await expect(within(5000, runGateway(opts))).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringContaining(`--home ${home}`) });
    });
  }

  it('--home that is a regular file, or a link leading into /proc, is a CONFIG_ERROR', async () => {
    const dir = await tempHome();
    await writeFile(join(dir, 'file'), '');
    await symlink('/proc/self', join(dir, 'proc-link'));
    await expect(runGateway(gatewayOptions(join(dir, 'file')).opts)).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringMatching(/not a directory/) });
    await expect(within(5000, runGateway(gatewayOptions(join(dir, 'proc-link')).opts))).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringMatching(/leads to \/proc/) });
  });

  it('a FIFO as the state file is a CONFIG_ERROR, not a hang', async () => {
    const home = await tempHome();
    await mkdir(join(home, 'state'), { recursive: true });
    mkfifo(join(home, 'state', 'main.json'));
    await expect(within(5000, runGateway(gatewayOptions(home).opts))).rejects.toMatchObject({ code: 'CONFIG_ERROR' });
  });
});

describe('duplicate outbox ids (finding 10c)', () => {
  it('sends two outbox files with the same id once and deletes the duplicate with a log line', async () => {
    const home = await tempHome();
    const paths = queuePaths(home, 'main');
    const sentIds = new SentIds(paths.sentFile);
    const { sent, lines, poller } = await setupWith(home, { sentIds });
    await writeFile(join(paths.outbox, '0001-a.json'), json({ id: 'reply-1', conversation_id: 'c', text: 'first' }));
    await writeFile(join(paths.outbox, '0002-b.json'), json({ id: 'reply-1', conversation_id: 'c', text: 'again' }));
    await poller.drain();
    expect(sent.map((m) => m.text)).toEqual(['first']);
    expect(await ls(paths.outbox)).toEqual([]);
    expect(poller.stats).toMatchObject({ sent: 1, duplicate_sends: 1 });
    expect(lines).toContain('outbox: 0002-b.json repeats id reply-1, already sent; deleted unsent');
  });

  it('remembers sent ids across a restart in state/<instance>.sent; files without an id are never deduplicated', async () => {
    const home = await tempHome();
    const paths = queuePaths(home, 'main');
    const first = gatewayOptions(home);
    const run1 = runGateway(first.opts);
    await until(async () => (await ls(paths.state)).includes('main.lock'));
    await writeFile(join(paths.outbox, '0001-a.json'), json({ id: 'reply-7', conversation_id: 'c', text: 'once' }));
    await until(() => first.adapter.sent.length === 1);
    first.stop.abort();
    await run1;
    expect(await readJson(paths.sentFile)).toEqual({ version: 1, ids: ['reply-7'] });

    await writeFile(join(paths.outbox, '0002-b.json'), json({ id: 'reply-7', conversation_id: 'c', text: 'twice' }));
    await writeFile(join(paths.outbox, 'same-name.json'), json({ conversation_id: 'c', text: 'no id' }));
    const second = gatewayOptions(home);
    const run2 = runGateway(second.opts);
    await until(async () => (await ls(paths.outbox)).length === 0);
    second.stop.abort();
    expect(await run2).toMatchObject({ sent: 1, duplicate_sends: 1 });
    expect(second.adapter.sent.map((m) => m.text)).toEqual(['no id']);
  });

  it('keeps only the most recent ids, and starts afresh from a damaged file', async () => {
    const home = await tempHome();
    const path = join(home, 'main.sent');
    const ids = new SentIds(path, 3);
    for (const id of ['a', 'b', 'c', 'd']) await ids.add(id);
    expect((await readJson(path)).ids).toEqual(['b', 'c', 'd']);
    const reloaded = new SentIds(path, 3);
    await reloaded.load();
    expect([reloaded.has('a'), reloaded.has('d')]).toEqual([false, true]);
    await writeFile(path, '{broken');
    const { lines, log } = captureLog();
    const fresh = new SentIds(path, 3);
    await fresh.load(log);
    expect(fresh.size).toBe(0);
    expect(lines[0]).toMatch(/not valid/);
  });
});

async function setupWith(home: string, options: Partial<OutboxPollerOptions>) {
  const paths = queuePaths(home, 'main');
  await ensureQueueDirs(paths);
  const sent: OutgoingMessage[] = [];
  const { lines, log } = captureLog();
  const poller = new OutboxPoller({
    paths,
    adapter: { send: async (message) => void sent.push(message) },
    failed: new FailedQueue(paths, { tool: 'aos-fake', version: '1.0.0', mode: 'write' }),
    signal: new AbortController().signal,
    log,
    settleMs: 0,
    ...options,
  });
  return { sent, lines, poller };
}
