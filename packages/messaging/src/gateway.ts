import type { Mode } from '@aos-connectors/contract';
import { toAosError } from '@aos-connectors/contract';
import type { GatewayLog, MessagingAdapter } from './adapter.js';
import type { BackoffPolicy } from './backoff.js';
import { FailedQueue } from './failed-queue.js';
import { InboxWriter } from './inbox.js';
import { acquireInstanceLock } from './instance-lock.js';
import { OutboxPoller, type OutboxStats, type RetryPolicy } from './outbox-poller.js';
import { ensureQueueDirs, queuePaths } from './queue-paths.js';
import { runReceiveLoop, type ReceiveStats } from './receive-loop.js';
import { SentIds, StateStore, type JsonValue } from './state-store.js';

export interface GatewayOptions<C extends JsonValue = JsonValue> {
  /** `--home`: the directory holding `messages/` and `state/`. */
  home: string;
  /** `--name`: this connector instance. */
  instance: string;
  adapter: MessagingAdapter<C>;
  /** Stops the gateway cleanly (see abortOnSignals for SIGTERM/SIGINT). */
  signal?: AbortSignal;
  /** Progress lines; default: stderr. Never stdout, which carries the envelope. */
  log?: GatewayLog;
  /** Identity written into error envelopes' meta. */
  tool?: string;
  version?: string;
  mode?: Mode;
  /** Removes secrets from error envelopes written to failed/. */
  scrub?: (text: string) => string;
  outbox?: {
    pollIntervalMs?: number;
    /** How many explicit sent ids are remembered to drop duplicates. Default 2000. */
    sentIdsLimit?: number;
    retry?: RetryPolicy;
    sendGraceMs?: number;
    settleMs?: number;
  };
  reconnect?: BackoffPolicy;
  /** How long delivered ids are remembered for deduplication. Default 30 days. */
  deliveredRetentionMs?: number;
  random?: () => number;
}

export interface GatewayResult extends ReceiveStats, OutboxStats {
  instance: string;
  /** Inbox writes a previous crash interrupted: completed, or discarded for redelivery. */
  recovered: { committed: number; discarded: number };
  duration_ms: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function stderrLog(tool: string, instance: string): GatewayLog {
  return (line) => {
    process.stderr.write(`${new Date().toISOString()} ${tool}[${instance}] ${line}\n`);
  };
}

/**
 * Runs a messaging connector's gateway (CONTRACT §9) until `signal` aborts: receives platform
 * messages into `<home>/messages/inbox/` and sends `<home>/messages/outbox/<instance>/`.
 * Resolves with counts after a clean stop; rejects with a contract error (AUTH_FAILED,
 * CONFIG_ERROR, CONFLICT when the instance already runs, ...) when it cannot go on.
 */
export async function runGateway<C extends JsonValue = JsonValue>(options: GatewayOptions<C>): Promise<GatewayResult> {
  const startedAt = Date.now();
  const { adapter, instance } = options;
  const tool = options.tool ?? `aos-${adapter.type}`;
  const log = options.log ?? stderrLog(tool, instance);
  const paths = queuePaths(options.home, instance);
  await ensureQueueDirs(paths);
  const release = await acquireInstanceLock(paths.lockFile, instance);
  try {
    const inbox = new InboxWriter(paths, adapter.type);
    const state = new StateStore<C>(paths.stateFile);
    const recovered = await inbox.recover();
    if (recovered.committed + recovered.discarded > 0) {
      log(`recovery: ${recovered.committed} interrupted inbox write(s) completed, ${recovered.discarded} discarded for redelivery`);
    }
    await state.removeStaleTemps();
    const { sentIdsLimit, ...outboxOptions } = options.outbox ?? {};
    const sentIds = new SentIds(paths.sentFile, sentIdsLimit);
    await sentIds.load(log);
    await inbox.pruneDelivered(options.deliveredRetentionMs ?? 30 * DAY_MS);

    // One internal signal, so a fatal error in either loop stops the other one too.
    const stop = new AbortController();
    const onStop = () => stop.abort(options.signal?.reason);
    if (options.signal?.aborted) onStop();
    options.signal?.addEventListener('abort', onStop, { once: true });
    let fatal: unknown;
    const fail = (error: unknown) => {
      fatal ??= error;
      stop.abort(error);
    };

    const failed = new FailedQueue(paths, { tool, version: options.version ?? '0.0.0', mode: options.mode ?? 'write', scrub: options.scrub });
    const receiveStats: ReceiveStats = { received: 0, duplicates: 0, rejected: 0, reconnects: 0 };
    const poller = new OutboxPoller({ paths, adapter, failed, signal: stop.signal, log, random: options.random, sentIds, ...outboxOptions });
    log(`started (home ${paths.home})`);
    await Promise.all([
      runReceiveLoop({ instance, adapter, inbox, state, failed, signal: stop.signal, log, reconnect: options.reconnect, random: options.random }, receiveStats).catch(fail),
      poller.run().catch(fail),
    ]);
    options.signal?.removeEventListener('abort', onStop);
    await adapter.disconnect?.().catch((error: unknown) => log(`disconnect failed: ${String(error)}`));
    if (fatal !== undefined) {
      const error = toAosError(fatal);
      log(`stopped: ${error.code}: ${error.message}`);
      throw error;
    }
    log('stopped');
    return { instance, recovered, ...receiveStats, ...poller.stats, duration_ms: Date.now() - startedAt };
  } finally {
    await release();
  }
}
