import type { IncomingMessage, MessagingAdapter, OutgoingMessage, PollRequest, PollResult, SendContext } from '../../src/index.js';

/** A platform message with every field filled, numbered `n`. */
export function platformMessage(n: number, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    id: `m-${n}`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n)).toISOString(),
    sender: { id: `u-${n % 3}`, username: `user${n % 3}`, display_name: `User ${n % 3}` },
    content: { text: `hello ${n}`, attachments: [] },
    conversation: { id: 'c-1', type: 'group', name: 'General' },
    ...extra,
  };
}

export interface ScriptedAdapter extends MessagingAdapter<number> {
  sent: OutgoingMessage[];
  polls: (number | undefined)[];
}

/**
 * An adapter whose platform holds `total` numbered messages served `batch` at a time from the
 * cursor (an offset), and whose send runs `onSend` (default: accept).
 */
export function scriptedAdapter(options: {
  total?: number;
  batch?: number;
  onPoll?: (request: PollRequest<number>, call: number) => Promise<PollResult<number> | void> | PollResult<number> | void;
  onSend?: (message: OutgoingMessage, ctx: SendContext) => Promise<unknown> | unknown;
  idleDelayMs?: number;
} = {}): ScriptedAdapter {
  const sent: OutgoingMessage[] = [];
  const polls: (number | undefined)[] = [];
  const total = options.total ?? 0;
  return {
    type: 'fake',
    idleDelayMs: options.idleDelayMs ?? 5,
    sent,
    polls,
    async poll(request) {
      polls.push(request.cursor);
      const custom = await options.onPoll?.(request, polls.length);
      if (custom) return custom;
      const from = request.cursor ?? 0;
      const to = Math.min(total, from + (options.batch ?? 10));
      const messages = [];
      for (let n = from; n < to; n += 1) messages.push(platformMessage(n));
      return { messages, cursor: to };
    },
    async send(message, ctx) {
      await options.onSend?.(message, ctx);
      sent.push(message);
      return { platform_id: `p-${sent.length}` };
    },
  };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
