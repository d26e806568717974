/**
 * A gateway process for the crash test (run with `node --import tsx`). Its platform is fake but
 * deterministic: message n of `total` is always the same, served from a persisted offset in
 * batches; sends are recorded by appending a line to `platformLog`. Both sides fail transiently
 * now and then. It prints `ready` on stdout once the gateway runs, and its counts when stopped.
 */
import { appendFileSync } from 'node:fs';
import { BackendUnavailableError } from '@aos-connectors/contract';
import { abortOnSignals, runGateway, type MessagingAdapter } from '../../src/index.js';
import { platformMessage } from './fake-adapter.js';

const [home, instance, totalText, platformLog] = process.argv.slice(2);
const total = Number(totalText);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const adapter: MessagingAdapter<number> = {
  type: 'fake',
  idleDelayMs: 20,
  async poll({ cursor }) {
    const from = cursor ?? 0;
    await pause(Math.random() * 3);
    if (Math.random() < 0.03) throw new BackendUnavailableError('fake platform unreachable', { details: { retryable: true } });
    const to = Math.min(total, from + 1 + (from % 13));
    const messages = [];
    for (let n = from; n < to; n += 1) messages.push(platformMessage(n));
    return { messages, cursor: to };
  },
  async send(message) {
    await pause(Math.random() * 2);
    if (Math.random() < 0.03) throw new BackendUnavailableError('fake platform busy', { details: { retryable: true } });
    // One write(2) of one line: the platform has accepted the message once this returns...
    appendFileSync(platformLog!, `${JSON.stringify({ id: message.id, text: message.text })}\n`);
    // ...and its answer takes a while to come back: a kill now makes the gateway resend it.
    await pause(Math.random() * 2);
  },
};

const verbose = process.env.CRASH_CHILD_VERBOSE === '1';
const log = (line: string) => {
  if (verbose) process.stderr.write(`[${process.pid}] ${line}\n`);
  if (line.startsWith('started')) process.stdout.write('ready\n');
  if (line.startsWith('recovery:')) process.stdout.write(`${line}\n`);
};
const { signal } = abortOnSignals(log);
const result = await runGateway({
  home: home!,
  instance: instance!,
  adapter,
  signal,
  log,
  reconnect: { baseMs: 5, maxMs: 50 },
  outbox: { pollIntervalMs: 50, retry: { maxAttempts: 20, baseMs: 5, maxMs: 50 } },
});
process.stdout.write(`${JSON.stringify(result)}\n`);
