import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@aos-connectors/contract';
import { AuthFailedError, BackendUnavailableError } from '@aos-connectors/contract';
import { queuePaths, readInbox, runGateway, writeOutgoing } from '../src/index.js';
import { platformMessage, scriptedAdapter, until } from './helpers/fake-adapter.js';
import { gatewayTestOptions } from './helpers/gateway-options.js';
import { ls, readJson, tempHome } from './helpers/temp-home.js';

describe('runGateway', () => {
  it('receives into the inbox, saves the cursor after the writes, sends the outbox, and stops cleanly', async () => {
    const home = await tempHome();
    const adapter = scriptedAdapter({ total: 25, batch: 10 });
    const { opts, stop, lines } = gatewayTestOptions(home, adapter);
    await writeOutgoing(home, 'main', { conversation_id: 'c-1', text: 'reply' });
    const running = runGateway(opts);
    await until(async () => (await readInbox(home)).length === 25 && adapter.sent.length === 1);
    stop.abort();
    const result = await running;
    expect(result).toMatchObject({ instance: 'main', received: 25, duplicates: 0, sent: 1, failed: 0 });
    expect((await readInbox(home)).map((e) => e.message.id)).toEqual(Array.from({ length: 25 }, (_, n) => `m-${n}`));
    expect((await readInbox(home))[0]!.message.connector).toEqual({ type: 'fake', instance: 'main' });
    const paths = queuePaths(home, 'main');
    expect((await readJson(paths.stateFile)).cursor).toBe(25);
    expect(adapter.polls.slice(0, 3)).toEqual([undefined, 10, 20]);
    expect(await ls(paths.state)).toEqual(['main.delivered', 'main.json']); // lock released, no temp files
    expect(lines[0]).toMatch(/^started/);
    expect(lines.at(-1)).toBe('stopped');
  });

  it('resumes from the saved cursor after a restart and never writes a redelivered id twice', async () => {
    const home = await tempHome();
    // First run: the platform replays the whole history on every poll (a lost cursor).
    const replaying = scriptedAdapter({ onPoll: () => ({ messages: [platformMessage(1), platformMessage(2)], cursor: 2 }) });
    const first = gatewayTestOptions(home, replaying);
    const run1 = runGateway(first.opts);
    await until(() => replaying.polls.length >= 3);
    first.stop.abort();
    expect(await run1).toMatchObject({ received: 2 });

    const adapter = scriptedAdapter({ total: 4, batch: 10 });
    const second = gatewayTestOptions(home, adapter);
    const run2 = runGateway(second.opts);
    await until(async () => (await readInbox(home)).length === 3);
    second.stop.abort();
    expect(await run2).toMatchObject({ received: 1, duplicates: 1 });
    expect(adapter.polls[0]).toBe(2);
    expect((await readInbox(home)).map((e) => e.message.id)).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('reconnects with capped, jittered backoff after network errors, calling disconnect and connect again', async () => {
    const home = await tempHome();
    const events: string[] = [];
    const adapter = {
      ...scriptedAdapter({
        total: 3,
        onPoll: (_request, call) => {
          if (call <= 3) throw new BackendUnavailableError('network down');
        },
      }),
      connect: async () => void events.push('connect'),
      disconnect: async () => void events.push('disconnect'),
    };
    const { opts, stop, lines } = gatewayTestOptions(home, adapter);
    const running = runGateway(opts);
    await until(async () => (await readInbox(home)).length === 3);
    stop.abort();
    const result = await running;
    expect(result.reconnects).toBe(3);
    expect(lines.filter((l) => l.startsWith('receive:'))).toEqual([
      'receive: BACKEND_UNAVAILABLE: network down; reconnecting in 5 ms',
      'receive: BACKEND_UNAVAILABLE: network down; reconnecting in 10 ms',
      'receive: BACKEND_UNAVAILABLE: network down; reconnecting in 20 ms',
    ]);
    expect(events.slice(0, 7)).toEqual(['connect', 'disconnect', 'connect', 'disconnect', 'connect', 'disconnect', 'connect']);
    expect(events.at(-1)).toBe('disconnect');
  });

  it('stops with the error when the credentials are refused, and releases its lock', async () => {
    const home = await tempHome();
    const adapter = {
      ...scriptedAdapter(),
      connect: async () => {
        throw new AuthFailedError('token rejected (HTTP 401)');
      },
    };
    const { opts } = gatewayTestOptions(home, adapter);
    await expect(runGateway(opts)).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await ls(queuePaths(home, 'main').state)).not.toContain('main.lock');
  });

  it('refuses a second gateway for the same instance, and takes over the lock of a dead one', async () => {
    const home = await tempHome();
    const first = gatewayTestOptions(home, scriptedAdapter());
    const running = runGateway(first.opts);
    await until(async () => (await ls(join(home, 'state'))).includes('main.lock'));
    await expect(runGateway(gatewayTestOptions(home, scriptedAdapter()).opts)).rejects.toMatchObject({ code: 'CONFLICT' });
    first.stop.abort();
    await running;

    await writeFile(join(home, 'state', 'main.lock'), '999999999\n'); // no such process
    const again = gatewayTestOptions(home, scriptedAdapter());
    const run2 = runGateway(again.opts);
    again.stop.abort();
    await expect(run2).resolves.toMatchObject({ instance: 'main' });
  });

  it('rejects an instance name that is not path-safe', async () => {
    const home = await tempHome();
    await expect(runGateway(gatewayTestOptions(home, scriptedAdapter(), { instance: '../x' }).opts)).rejects.toMatchObject({ code: 'INVALID_USAGE' });
  });

  it('ends a long poll at once on stop; the abandoned batch is fetched again next time', async () => {
    const home = await tempHome();
    let polled = false;
    const adapter = scriptedAdapter({
      onPoll: () => {
        polled = true;
        return new Promise(() => undefined); // a long poll ignoring its signal
      },
    });
    const { opts, stop } = gatewayTestOptions(home, adapter);
    const running = runGateway(opts);
    await until(() => polled);
    stop.abort();
    await expect(running).resolves.toMatchObject({ received: 0 });
    await expect(readFile(queuePaths(home, 'main').stateFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps a message the adapter could not normalize in failed/ and goes on', async () => {
    const home = await tempHome();
    const bad = { ...platformMessage(1), sender: { id: '' } };
    const adapter = scriptedAdapter({
      onPoll: (request) => (request.cursor ? { messages: [], cursor: 2 } : { messages: [bad, platformMessage(2)], cursor: 2 }),
    });
    const { opts, stop } = gatewayTestOptions(home, adapter);
    const running = runGateway(opts);
    await until(async () => (await readInbox(home)).length === 1);
    stop.abort();
    expect(await running).toMatchObject({ received: 1, rejected: 1 });
    const failedDir = join(home, 'messages', 'failed');
    const files = await ls(failedDir);
    expect(files).toHaveLength(2);
    const envelope = await readJson(join(failedDir, files.find((f) => f.endsWith('.error.json'))!));
    expect(envelope).toMatchObject({ ok: false, command: 'gateway.receive', error: { code: 'INVALID_USAGE' } });
    expect(errorEnvelopeSchema.safeParse(envelope).success).toBe(true);
  });

  it('stops when the signal was already aborted, with no poll made', async () => {
    const home = await tempHome();
    const adapter = scriptedAdapter({ total: 5 });
    const { opts, stop } = gatewayTestOptions(home, adapter);
    stop.abort();
    await expect(runGateway(opts)).resolves.toMatchObject({ received: 0, sent: 0 });
    expect(adapter.polls).toEqual([]);
  });
});
