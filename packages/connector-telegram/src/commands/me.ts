import * as z from 'zod';
import { command } from '@aos-connectors/core';
import { botGet } from '../bot-api.js';
import type { User } from '../types.js';
import { me } from '../output-shapes.js';

/** getMe — https://core.telegram.org/bots/api#getme */
export const meGet = command({
  id: 'me.get',
  summary: 'The bot itself: id, username and what it may do in groups',
  resource: 'bot',
  action: 'read',
  risk: 1,
  input: z.object({}),
  examples: ['aos-telegram --json me get'],
  output: me,
  run: (_input, ctx) => botGet<User>(ctx, 'getMe'),
});
