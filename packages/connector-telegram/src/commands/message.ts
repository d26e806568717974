import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { botPost, chatId } from '../bot-api.js';
import { chatInput, messageIdInput, parseModeInput, textInput } from '../inputs.js';
import type { Message } from '../types.js';
import { message as messageShape } from '../output-shapes.js';

/** sendMessage — https://core.telegram.org/bots/api#sendmessage (replies via ReplyParameters) */
export const messageSend = command({
  id: 'message.send',
  summary: 'Send a text message to a chat, optionally as a reply or into a forum topic',
  resource: 'message',
  action: 'write',
  risk: 2,
  input: z.object({
    chat: chatInput,
    text: textInput,
    parse_mode: parseModeInput,
    reply_to: messageIdInput('Id of the message to reply to, in the same chat').optional(),
    thread_id: messageIdInput('Forum topic (message_thread_id) to post into').optional(),
    disable_notification: z.boolean().optional().describe('Deliver silently (no sound for recipients)'),
  }),
  positionals: ['chat'],
  examples: ['aos-telegram --json --mode write message send -1001234567890 --text "Build passed" --reply-to 42'],
  output: messageShape,
  run: async ({ chat, text, parse_mode, reply_to, thread_id, disable_notification }, ctx) => {
    const message = await botPost<Message>(ctx, 'sendMessage', {
      chat_id: chatId(chat),
      text,
      parse_mode,
      message_thread_id: thread_id,
      reply_parameters: reply_to === undefined ? undefined : { message_id: reply_to },
      disable_notification,
    });
    ctx.recordSideEffect({ kind: 'create', resource: 'message', id: `${message.chat.id}:${message.message_id}` });
    return message;
  },
});

/** editMessageText — https://core.telegram.org/bots/api#editmessagetext (the bot's own messages) */
export const messageEdit = command({
  id: 'message.edit',
  summary: "Replace the text of one of the bot's messages",
  resource: 'message',
  action: 'write',
  risk: 2,
  input: z.object({
    chat: chatInput,
    message_id: messageIdInput('Id of the message to edit'),
    text: textInput,
    parse_mode: parseModeInput,
  }),
  positionals: ['chat', 'message_id'],
  examples: ['aos-telegram --json --mode write message edit -1001234567890 43 --text "Build passed (2 warnings)"'],
  output: messageShape,
  run: async ({ chat, message_id, text, parse_mode }, ctx) => {
    // Returns the edited Message (or `true` for inline messages, which this command does not address).
    const message = await botPost<Message>(ctx, 'editMessageText', { chat_id: chatId(chat), message_id, text, parse_mode });
    ctx.recordSideEffect({ kind: 'update', resource: 'message', id: `${chat}:${message_id}` });
    return message;
  },
});
