import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { botGet } from '../bot-api.js';
import { chatInput } from '../inputs.js';
import { chatFullInfo } from '../output-shapes.js';

/** getChat — https://core.telegram.org/bots/api#getchat (returns a ChatFullInfo) */
export const chatGet = command({
  id: 'chat.get',
  summary: 'Get a chat the bot is in: title, type, username, description',
  resource: 'chat',
  action: 'read',
  risk: 1,
  input: z.object({ chat: chatInput }),
  positionals: ['chat'],
  examples: ['aos-telegram --json chat get -1001234567890', 'aos-telegram --json chat get @mychannel'],
  output: chatFullInfo,
  run: ({ chat }, ctx) => botGet(ctx, 'getChat', { chat_id: chat }),
});
