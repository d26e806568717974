import { ValidationFailedError, type CommandContext } from '@aos-connectors/core';
import { type MessagingAdapter, type OutgoingMessage } from '@aos-connectors/messaging';
import { botGet, botPost, chatId } from '../bot-api.js';
import { MAX_TEXT } from '../inputs.js';
import type { Message, Update, User } from '../types.js';
import { normalizeUpdate } from './normalize.js';
import { splitText } from './split-text.js';

/** Where the last poll ended: the next update_id to ask for (null before the first update). */
export type TelegramCursor = { offset: number } | null;

/** Seconds Telegram holds a getUpdates call open when nothing is pending (below the core's 30 s per request). */
export const LONG_POLL_S = 25;

/** The update kinds the gateway turns into messages: https://core.telegram.org/bots/api#update */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post'];

/**
 * The Telegram gateway (CONTRACT §9) over getUpdates long polling:
 * https://core.telegram.org/bots/api#getting-updates
 * - `offset` confirms every update below it. The core saves the cursor only after the batch is
 *   in the inbox, so an update is confirmed only once it is safely on disk; a crash before that
 *   means Telegram sends it again and the inbox drops the duplicate by id.
 * - Outgoing text longer than 4096 characters is sent as several messages; a retry after a
 *   failure part-way resumes at the first unsent part (within one gateway process).
 */
export function telegramAdapter(ctx: CommandContext): MessagingAdapter<TelegramCursor> {
  /** Parts already sent, per outgoing message id, while a long message is being retried. */
  const partsSent = new Map<string, number>();

  return {
    type: 'telegram',
    // getUpdates itself waits up to LONG_POLL_S for the next update.
    idleDelayMs: 0,

    // getMe — https://core.telegram.org/bots/api#getme: a bad token stops the gateway (AUTH_FAILED).
    async connect({ log }) {
      const me = await botGet<User>(ctx, 'getMe');
      log(`connected as @${me.username ?? me.id}`);
    },

    // getUpdates — https://core.telegram.org/bots/api#getupdates
    async poll({ cursor }) {
      const updates = await botPost<Update[]>(ctx, 'getUpdates', {
        offset: cursor?.offset,
        timeout: LONG_POLL_S,
        allowed_updates: ALLOWED_UPDATES,
      });
      const last = updates.reduce((max, update) => Math.max(max, update.update_id), -1);
      return {
        messages: updates.flatMap((update) => normalizeUpdate(update) ?? []),
        // Updates that are not messages still move the offset, so they are confirmed too.
        cursor: last >= 0 ? { offset: last + 1 } : (cursor ?? null),
      };
    },

    // sendMessage — https://core.telegram.org/bots/api#sendmessage (plain text: no parse_mode)
    async send(message: OutgoingMessage) {
      if (message.thread_id !== undefined && !/^\d+$/.test(message.thread_id)) {
        throw new ValidationFailedError(`thread_id must be a forum topic id (a number), got "${message.thread_id}"`, { details: { retryable: false } });
      }
      const parts = splitText(message.text, MAX_TEXT);
      let sent: Message | undefined;
      for (let index = partsSent.get(message.id) ?? 0; index < parts.length; index += 1) {
        sent = await botPost<Message>(ctx, 'sendMessage', {
          chat_id: chatId(message.conversation_id),
          text: parts[index],
          message_thread_id: message.thread_id === undefined ? undefined : Number(message.thread_id),
        });
        partsSent.set(message.id, index + 1);
      }
      partsSent.delete(message.id);
      return sent ? { platform_id: `${sent.chat.id}:${sent.message_id}` } : undefined;
    },
  };
}
