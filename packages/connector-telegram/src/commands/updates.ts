import * as z from 'zod';
import { command, UsageError } from '@aos-connectors/core';
import { botGet } from '../bot-api.js';
import type { Update } from '../types.js';
import { update } from '../output-shapes.js';

/**
 * getUpdates without `offset` — https://core.telegram.org/bots/api#getupdates
 * A peek at the pending updates (e.g. to learn a chat id): it never sends `offset`, so nothing
 * is confirmed and the gateway still receives every update. Telegram allows one getUpdates
 * caller at a time: while a gateway long-polls, this call and the gateway's poll end with 409
 * Conflict for one of them (the gateway retries). `timeout` is 0, so it returns at once.
 */
export const updatesList = command({
  id: 'updates.list',
  summary: 'Peek at pending updates without confirming them (not while a gateway runs)',
  resource: 'update',
  action: 'read',
  risk: 1,
  input: z.object({}),
  list: { key: 'updates', maxPageSize: 100, defaultLimit: 100, columns: ['update_id', 'message.chat.id', 'message.from.username', 'message.text'] },
  examples: ['aos-telegram --json updates list --limit 10'],
  output: update,
  run: async (_input, ctx) => {
    // Paging forward would need `offset`, which confirms (deletes) the updates before it.
    if (ctx.page.cursor !== null) throw new UsageError('updates list returns a single page and takes no --cursor');
    const updates = await botGet<Update[]>(ctx, 'getUpdates', { limit: ctx.page.size, timeout: 0 });
    return { items: updates, next_cursor: null };
  },
});
