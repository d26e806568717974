import type { IncomingMessage, OutgoingMessage } from './message.js';
import type { JsonValue } from './state-store.js';

/** Where the gateway's progress lines go (stderr: stdout is reserved for the envelope). */
export type GatewayLog = (line: string) => void;

export interface AdapterContext {
  /** The connector instance (`--name`). */
  instance: string;
  /** Aborted when the gateway stops: pass it to every request so a long poll ends at once. */
  signal: AbortSignal;
  log: GatewayLog;
}

export interface PollRequest<C extends JsonValue> extends AdapterContext {
  /** Where the last completed poll ended, as saved in `<home>/state/<instance>.json`; undefined on the first run. */
  cursor: C | undefined;
}

export interface PollResult<C extends JsonValue> {
  /** Normalized messages, oldest first. Each `id` must be stable across redeliveries. */
  messages: IncomingMessage[];
  /**
   * The position after these messages. The gateway saves it only once every message above is
   * in the inbox, so a crash means a redelivery (deduplicated by id), never a loss. Return it
   * even for a batch with no messages (e.g. Telegram updates that are not messages).
   */
  cursor: C;
  /** The source has ended for good (e.g. stdin closed): stop receiving, keep sending. */
  done?: boolean;
}

export interface SendContext extends AdapterContext {
  /** 1 for the first try of this message in this process. */
  attempt: number;
}

export interface SendReceipt {
  /** The platform's id of the sent message, for the log. */
  platform_id?: string;
}

/**
 * What a platform connector implements to run as a gateway; the core does the queues, cursor
 * persistence, retries, reconnects and shutdown. Throw the core's errors: BackendUnavailableError,
 * TimeoutError or RateLimitedError (with `details.retry_after_s`) for what a retry may fix (raw
 * socket errors count as BackendUnavailableError). From `connect`/`poll`, AuthFailedError,
 * AuthRequiredError, ConfigError or UsageError stop the gateway and anything else reconnects
 * with backoff; from `send`, any other error moves that one message to failed/.
 */
export interface MessagingAdapter<C extends JsonValue = JsonValue> {
  /** The connector type written to each message's `connector.type` (e.g. `telegram`). */
  readonly type: string;
  /** Milliseconds to wait after a poll that returned no messages; 0 for long-polling adapters. Default 1000. */
  readonly idleDelayMs?: number;
  /** Authenticates or opens a connection; called before the first poll and after each poll failure. */
  connect?(ctx: AdapterContext): Promise<void>;
  /**
   * Fetches the messages after `cursor`. A long-polling adapter (Telegram `getUpdates` with a
   * timeout) may wait here; it must end when `signal` aborts. Omit for a send-only connector.
   */
  poll?(request: PollRequest<C>): Promise<PollResult<C>>;
  /**
   * Sends one message; resolves once the platform accepted it (the file is deleted then).
   * `message.id` is stable across resends: use it as an idempotency key where the platform has one.
   */
  send(message: OutgoingMessage, ctx: SendContext): Promise<SendReceipt | void>;
  /** Releases connections; called on stop and before reconnecting. */
  disconnect?(): Promise<void>;
}
