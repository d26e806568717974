import * as z from 'zod';
import type { AosError } from '@aos-connectors/contract';
import { UsageError } from '@aos-connectors/contract';
import type { GatewayLog, MessagingAdapter } from './adapter.js';
import { ArrivalStamp } from './arrival-names.js';
import { ABORTED, backoffDelay, sleep, unlessAborted, type BackoffPolicy } from './backoff.js';
import { classifyAdapterError, isFatal } from './error-policy.js';
import type { FailedQueue } from './failed-queue.js';
import type { InboxWriter } from './inbox.js';
import type { JsonValue, StateStore } from './state-store.js';

export interface ReceiveLoopOptions<C extends JsonValue> {
  instance: string;
  adapter: MessagingAdapter<C>;
  inbox: InboxWriter;
  state: StateStore<C>;
  failed: FailedQueue;
  signal: AbortSignal;
  log: GatewayLog;
  /** Reconnect delays after a failed poll. Default 1 s doubling to at most 60 s. */
  reconnect?: BackoffPolicy;
  random?: () => number;
}

export interface ReceiveStats {
  received: number;
  duplicates: number;
  rejected: number;
  reconnects: number;
}

export const DEFAULT_RECONNECT: BackoffPolicy = { baseMs: 1000, maxMs: 60_000 };

/**
 * Polls the adapter, writes each batch to the inbox, then saves the cursor: in that order, so a
 * crash anywhere replays at most the last batch, which the inbox deduplicates by id. A failed
 * poll disconnects and reconnects with capped, jittered exponential backoff; an auth or config
 * error ends the loop by throwing. On stop, a batch already fetched is still written in full.
 */
export async function runReceiveLoop<C extends JsonValue>(options: ReceiveLoopOptions<C>, stats: ReceiveStats): Promise<void> {
  const { adapter, inbox, state, signal, log, instance } = options;
  const poll = adapter.poll?.bind(adapter);
  if (!poll) return;
  const ctx = { instance, signal, log };
  const stamp = new ArrivalStamp();
  let cursor = await state.load();
  let saved = JSON.stringify(cursor);
  let failures = 0;
  let connected = false;

  while (!signal.aborted) {
    try {
      if (!connected) {
        if (adapter.connect && (await unlessAborted(adapter.connect(ctx), signal)) === ABORTED) break;
        connected = true;
      }
      const batch = await unlessAborted(poll({ ...ctx, cursor }), signal);
      if (batch === ABORTED) break;
      failures = 0;
      for (const incoming of batch.messages) {
        const startedAt = Date.now();
        let result;
        try {
          result = await inbox.write(incoming);
        } catch (error) {
          if (!(error instanceof z.ZodError)) throw error;
          const rejected = new UsageError(`The ${adapter.type} adapter produced an invalid message`, { details: { issues: error.issues } });
          const name = await options.failed.storeIncoming(stamp.next(), incoming, rejected, startedAt);
          stats.rejected += 1;
          log(`inbox: invalid message from the adapter kept as failed/${name}`);
          continue;
        }
        if (result.status === 'written') stats.received += 1;
        else stats.duplicates += 1;
      }
      const next = JSON.stringify(batch.cursor);
      if (next !== saved) {
        await state.save(batch.cursor);
        saved = next;
      }
      cursor = batch.cursor;
      if (batch.messages.length > 0) log(`inbox: ${batch.messages.length} message(s) received`);
      if (batch.done) {
        log('receive: the source has ended');
        return;
      }
      if (batch.messages.length === 0) await sleep(adapter.idleDelayMs ?? 1000, signal);
    } catch (thrown) {
      if (signal.aborted) break;
      const error: AosError = classifyAdapterError(thrown);
      if (isFatal(error)) throw error;
      failures += 1;
      stats.reconnects += 1;
      const delay = backoffDelay(failures, options.reconnect ?? DEFAULT_RECONNECT, options.random);
      log(`receive: ${describe(error)}; reconnecting in ${delay} ms`);
      if (connected) {
        connected = false;
        await adapter.disconnect?.().catch(() => undefined);
      }
      // A write that failed after its commit point (e.g. a rename error) is finished now, not at the next start.
      await inbox.recover().catch(() => undefined);
      await sleep(delay, signal);
    }
  }
}

/** The error for the log; an adapter bug's own message is kept, since the contract one is generic. */
function describe(error: AosError): string {
  const cause = error.code === 'INTERNAL_ERROR' && error.cause instanceof Error ? ` (${error.cause.name}: ${error.cause.message})` : '';
  return `${error.code}: ${error.message}${cause}`;
}
