import * as z from 'zod';

/** https://core.telegram.org/bots/api#sendmessage: "Integer or String" chat_id. */
export const chatInput = z
  .string()
  .regex(/^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/, 'expected a numeric chat id (e.g. -1001234567890) or @username')
  .describe('Chat id (a number; groups and channels are negative) or @username of a public chat');

/** https://core.telegram.org/bots/api#formatting-options */
export const parseModeInput = z.enum(['MarkdownV2', 'HTML', 'Markdown']).optional().describe('How Telegram parses entities in the text');

export const messageIdInput = (what: string) => z.number().int().positive().describe(what);

/** Telegram's limit for one text message, after entities parsing: https://core.telegram.org/bots/api#sendmessage */
export const MAX_TEXT = 4096;
export const textInput = z.string().min(1).describe(`Message text (at most ${MAX_TEXT} characters after entities parsing)`);
