import { join } from 'node:path';
import type { AosError } from '@aos-connectors/contract';
import type { GatewayLog, MessagingAdapter } from './adapter.js';
import { ABORTED, backoffDelay, sleep, unlessAborted, type BackoffPolicy } from './backoff.js';
import { removeFile } from './durable-fs.js';
import { classifyAdapterError, isTransient, retryAfterMs } from './error-policy.js';
import type { FailedQueue } from './failed-queue.js';
import type { OutgoingMessage } from './message.js';
import { listOutbox, readOutgoing } from './outbox.js';
import { outboxDirs, type QueuePaths } from './queue-paths.js';
import { checkQueueDirs } from './safe-fs.js';
import type { SentIds } from './state-store.js';
import { DirWaker } from './waker.js';

export interface RetryPolicy extends BackoffPolicy {
  /** Tries per message (the first included) before it goes to failed/. */
  maxAttempts: number;
}

export interface OutboxPollerOptions {
  paths: QueuePaths;
  adapter: Pick<MessagingAdapter, 'send'>;
  failed: FailedQueue;
  /** Stops the poller: no new message is started; retries waiting stop waiting. */
  signal: AbortSignal;
  log: GatewayLog;
  /** Scan interval when fs.watch gives no hint. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Default: 6 attempts, 1 s doubling to at most 60 s. */
  retry?: RetryPolicy;
  /** How long a send in flight may still run after stop before it is aborted (it then stays queued). Default 10 s. */
  sendGraceMs?: number;
  /**
   * How long an unparseable file is left in the outbox, by its mtime, before it goes to failed/
   * (a writer may be paused mid-file; see readOutgoing). Default 30 s.
   */
  settleMs?: number;
  /** Explicit ids already sent: a file repeating one is deleted, not sent again. */
  sentIds?: SentIds;
  random?: () => number;
}

export interface OutboxStats {
  sent: number;
  failed: number;
  retries: number;
  /** Outbox files deleted unsent because their `id` was already sent. */
  duplicate_sends: number;
}

export const DEFAULT_SETTLE_MS = 30_000;

export const DEFAULT_SEND_RETRY: RetryPolicy = { maxAttempts: 6, baseMs: 1000, maxMs: 60_000 };

type Outcome = 'sent' | 'failed' | 'kept' | 'skipped';

/**
 * Sends `<home>/messages/outbox/<instance>/` in name order, one message at a time so each
 * conversation keeps its order. A file is deleted only after the adapter's send resolved
 * (at-least-once: a crash between the two resends it). Transient errors are retried in place
 * with backoff; a permanent error, or the last attempt, moves the file to failed/.
 */
export class OutboxPoller {
  readonly stats: OutboxStats = { sent: 0, failed: 0, retries: 0, duplicate_sends: 0 };
  readonly #o: OutboxPollerOptions;
  readonly #retry: RetryPolicy;
  readonly #waker = new DirWaker();
  /** Aborts sends in flight, `sendGraceMs` after stop. */
  readonly #sendAbort = new AbortController();
  #graceTimer: NodeJS.Timeout | undefined;
  /** Files that could not even be moved to failed/: skipped from then on, so they block nothing. */
  readonly #stuck = new Set<string>();

  constructor(options: OutboxPollerOptions) {
    this.#o = options;
    this.#retry = options.retry ?? DEFAULT_SEND_RETRY;
    const onStop = () => {
      this.#graceTimer = setTimeout(() => this.#sendAbort.abort(options.signal.reason), options.sendGraceMs ?? 10_000);
      this.#graceTimer.unref();
    };
    if (options.signal.aborted) onStop();
    else options.signal.addEventListener('abort', onStop, { once: true });
  }

  /** Scans and sends until stopped. */
  async run(): Promise<void> {
    this.#waker.watch(this.#o.paths.outbox);
    try {
      while (!this.#o.signal.aborted) {
        await this.drain();
        await this.#waker.wait(this.#o.pollIntervalMs ?? 1000, this.#o.signal);
      }
    } finally {
      this.close();
    }
  }

  /**
   * One pass over the files queued now. The outbox folders are checked first each time: one
   * swapped for a link while running stops the gateway (CONFIG_ERROR) rather than being read.
   */
  async drain(): Promise<void> {
    await checkQueueDirs(outboxDirs(this.#o.paths), false);
    for (const file of await listOutbox(this.#o.paths.outbox)) {
      if (this.#o.signal.aborted) return;
      if (this.#stuck.has(file)) continue;
      await this.#process(file);
    }
  }

  close(): void {
    this.#waker.close();
    clearTimeout(this.#graceTimer);
  }

  async #process(file: string): Promise<Outcome> {
    const { paths, log } = this.#o;
    const startedAt = Date.now();
    const read = await readOutgoing(paths.outbox, file, this.#o.settleMs ?? DEFAULT_SETTLE_MS);
    if (read.kind === 'gone' || read.kind === 'unsettled') return 'skipped';
    if (read.kind === 'invalid') return this.#fail(file, read.error, startedAt, 0);
    const sentIds = read.explicitId ? this.#o.sentIds : undefined;
    if (sentIds?.has(read.message.id)) {
      await removeFile(join(paths.outbox, file));
      this.stats.duplicate_sends += 1;
      log(`outbox: ${file} repeats id ${read.message.id}, already sent; deleted unsent`);
      return 'skipped';
    }

    for (let attempt = 1; ; attempt += 1) {
      const result = await this.#send(read.message, attempt);
      if (result === ABORTED) {
        log(`outbox: stopped while sending ${file}; it stays queued`);
        return 'kept';
      }
      if (!(result instanceof Error)) {
        // Remembered before the file goes: a crash in between leaves a file that is dropped, not resent.
        await sentIds?.add(read.message.id).catch((error: unknown) => log(`outbox: could not remember sent id ${read.message.id}: ${String(error)}`));
        await removeFile(join(paths.outbox, file));
        this.stats.sent += 1;
        log(`outbox: sent ${file}${result?.platform_id ? ` (platform id ${result.platform_id})` : ''}`);
        return 'sent';
      }
      if (this.#o.signal.aborted) {
        log(`outbox: ${file} failed during stop (${result.code}); it stays queued`);
        return 'kept';
      }
      if (!isTransient(result) || attempt >= this.#retry.maxAttempts) return this.#fail(file, result, startedAt, attempt);
      const delay = Math.max(backoffDelay(attempt, this.#retry, this.#o.random), retryAfterMs(result) ?? 0);
      this.stats.retries += 1;
      log(`outbox: ${file} failed (${result.code}: ${result.message}); attempt ${attempt + 1}/${this.#retry.maxAttempts} in ${delay} ms`);
      if (!(await sleep(delay, this.#o.signal))) return 'kept';
    }
  }

  /** The platform's receipt, the error it failed with, or ABORTED when stop outlasted the grace period. */
  async #send(message: OutgoingMessage, attempt: number) {
    const signal = this.#sendAbort.signal;
    try {
      const work = this.#o.adapter.send(message, { instance: this.#o.paths.instance, signal, log: this.#o.log, attempt });
      return await unlessAborted(work, signal);
    } catch (error) {
      return signal.aborted ? ABORTED : classifyAdapterError(error);
    }
  }

  async #fail(file: string, error: AosError, startedAt: number, attempts: number): Promise<Outcome> {
    let name: string;
    try {
      name = await this.#o.failed.moveOutgoing(file, error, startedAt, {
        instance: this.#o.paths.instance,
        outbox_file: file,
        attempts,
      });
    } catch (moveError) {
      // A folder swapped for a link is fatal (CONFIG_ERROR); anything else only skips this file.
      if ((moveError as AosError | undefined)?.code === 'CONFIG_ERROR') throw moveError;
      this.#stuck.add(file);
      this.#o.log(`outbox: ${file} could not be moved to failed/ (${String(moveError)}); skipped until restart (${error.code}: ${error.message})`);
      return 'skipped';
    }
    this.stats.failed += 1;
    this.#o.log(`outbox: ${file} moved to failed/${name} (${error.code}: ${error.message})`);
    return 'failed';
  }
}
