// The messaging file-queue contract (CONTRACT §9): formats, queues, the gateway runner.
export {
  messageSchema,
  incomingMessageSchema,
  outgoingMessageSchema,
  instanceNameSchema,
  attachmentSchema,
  senderSchema,
  conversationSchema,
  conversationTypeSchema,
  contentSchema,
  connectorRefSchema,
  type Message,
  type IncomingMessage,
  type OutgoingMessage,
  type OutgoingMessageInput,
  type Attachment,
  type ConversationType,
} from './message.js';
export type {
  MessagingAdapter,
  AdapterContext,
  PollRequest,
  PollResult,
  SendContext,
  SendReceipt,
  GatewayLog,
} from './adapter.js';
export { runGateway, type GatewayOptions, type GatewayResult } from './gateway.js';
export { abortOnSignals } from './signals.js';
export { queuePaths, ensureQueueDirs, type QueuePaths } from './queue-paths.js';
export { InboxWriter, readInbox, deliveryKey, type InboxWriteResult } from './inbox.js';
export { writeOutgoing, listOutbox, readOutgoing, type OutboxRead } from './outbox.js';
export { OutboxPoller, DEFAULT_SEND_RETRY, DEFAULT_SETTLE_MS, type OutboxPollerOptions, type OutboxStats, type RetryPolicy } from './outbox-poller.js';
export { runReceiveLoop, DEFAULT_RECONNECT, type ReceiveLoopOptions, type ReceiveStats } from './receive-loop.js';
export { FailedQueue, gatewayErrorEnvelope, type EnvelopeIdentity } from './failed-queue.js';
export { StateStore, SentIds, type JsonValue } from './state-store.js';
export { readRegularFile, checkHome, MAX_QUEUE_FILE_BYTES, type SafeRead } from './safe-fs.js';
export { backoffDelay, type BackoffPolicy } from './backoff.js';
export { classifyAdapterError, isTransient } from './error-policy.js';
export { writeFileAtomic } from './durable-fs.js';
export { ArrivalStamp } from './arrival-names.js';
export { stdioAdapter, type StdioAdapterOptions } from './adapters/stdio.js';
export { gatewayCommand, withGateway, type GatewayDefinition } from './gateway-command.js';
