import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { chatSettings } from '../settings.js';

/** What a gateway started now would use: offline, no input read. */
export const sessionInfo = command({
  id: 'session.info',
  summary: 'Show who you chat as, the conversation id, and where replies are printed',
  resource: 'session',
  action: 'read',
  risk: 1,
  input: z.object({}),
  examples: ['aos-localchat --json session info'],
  output: z.object({
    sender: z
      .object({
        id: z.string().describe('Sender id of the lines you type (LOCALCHAT_USER, else the OS user name)'),
        username: z.string().describe('Same as id'),
      })
      .describe('Who you chat as'),
    conversation: z
      .object({
        id: z.string().describe('Conversation id replies use as conversation_id (LOCALCHAT_CONVERSATION)'),
        type: z.literal('dm').describe('Always dm'),
      })
      .describe('The conversation'),
    reply_format: z.enum(['text', 'json']).describe('How replies are printed (LOCALCHAT_FORMAT)'),
    reply_output: z.enum(['stdout', 'stderr']).describe('Where replies are printed (LOCALCHAT_OUTPUT)'),
    interactive: z.boolean().describe('Whether stdin is a terminal'),
    gateway: z.string().describe('The command that starts the chat'),
  }),
  run: async (_input, { settings }) => {
    const chat = chatSettings(settings);
    return {
      sender: { id: chat.user, username: chat.user },
      conversation: { id: chat.conversation, type: 'dm' },
      reply_format: chat.format,
      reply_output: chat.output,
      interactive: Boolean(process.stdin.isTTY),
      gateway: `aos-localchat --mode write gateway --home <dir> --name <instance>`,
    };
  },
});
