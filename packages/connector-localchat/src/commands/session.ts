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
