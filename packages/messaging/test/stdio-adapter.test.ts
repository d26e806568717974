import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInbox, runGateway, stdioAdapter, writeOutgoing } from '../src/index.js';
import { until } from './helpers/fake-adapter.js';
import { captureLog, tempHome } from './helpers/temp-home.js';

describe('stdioAdapter', () => {
  it('turns each stdin line into an inbox message and prints each outbox message', async () => {
    const home = await tempHome();
    const input = new PassThrough();
    let printed = '';
    const adapter = stdioAdapter({ input, output: { write: (text: string) => (printed += text) }, user: 'ada' });
    const stop = new AbortController();
    const { log } = captureLog();
    const running = runGateway({ home, instance: 'cli', adapter, signal: stop.signal, log, outbox: { pollIntervalMs: 20 } });
    input.write('hello\n\nsecond line\n');
    await until(async () => (await readInbox(home)).length === 2);
    await writeOutgoing(home, 'cli', { conversation_id: 'cli', text: 'hi ada' });
    await until(() => printed === 'hi ada\n');
    input.end();
    stop.abort();
    expect(await running).toMatchObject({ received: 2, sent: 1 });
    const inbox = await readInbox(home);
    expect(inbox.map((e) => e.message.content.text)).toEqual(['hello', 'second line']);
    expect(inbox[0]!.message).toMatchObject({
      connector: { type: 'cli', instance: 'cli' },
      sender: { id: 'ada', username: 'ada' },
      conversation: { id: 'cli', type: 'dm' },
    });
    expect(new Set(inbox.map((e) => e.message.id)).size).toBe(2);
  });

  it('prints JSON lines in json format, and stops receiving at end of input', async () => {
    const home = await tempHome();
    const input = new PassThrough();
    let printed = '';
    const adapter = stdioAdapter({ input, output: { write: (text: string) => (printed += text) }, format: 'json' });
    const stop = new AbortController();
    const { lines, log } = captureLog();
    const running = runGateway({ home, instance: 'cli', adapter, signal: stop.signal, log, outbox: { pollIntervalMs: 20 } });
    input.end('bye\n');
    await until(() => lines.includes('receive: the source has ended'));
    await writeOutgoing(home, 'cli', { conversation_id: 'cli', text: 'still sending' });
    await until(() => printed !== '');
    stop.abort();
    await running;
    expect(JSON.parse(printed)).toMatchObject({ conversation_id: 'cli', text: 'still sending', id: expect.any(String) });
  });
});
