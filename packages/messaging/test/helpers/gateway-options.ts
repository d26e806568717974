import type { GatewayOptions } from '../../src/index.js';
import { captureLog } from './temp-home.js';

/** runGateway options for tests: short waits, no jitter, a log to read, and the stop controller. */
export function gatewayTestOptions(home: string, adapter: GatewayOptions<number>['adapter'], extra: Partial<GatewayOptions<number>> = {}) {
  const stop = new AbortController();
  const { lines, log } = captureLog();
  const opts: GatewayOptions<number> = {
    home,
    instance: 'main',
    adapter,
    signal: stop.signal,
    log,
    tool: 'aos-fake',
    version: '1.0.0',
    random: () => 0,
    reconnect: { baseMs: 10, maxMs: 40 },
    outbox: { pollIntervalMs: 20, settleMs: 0, retry: { maxAttempts: 3, baseMs: 5, maxMs: 20 } },
    ...extra,
  };
  return { opts, stop, lines };
}
