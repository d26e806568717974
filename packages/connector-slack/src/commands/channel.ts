import * as z from 'zod';
import { command } from '@aos-connectors/core';
import type { Conversation } from '../types.js';
import { slackPage } from '../web-api.js';
import { conversation } from '../output-shapes.js';

const CHANNEL_TYPES = ['public_channel', 'private_channel', 'mpim', 'im'] as const;

/** conversations.list — https://docs.slack.dev/reference/methods/conversations.list (Tier 2) */
export const channelList = command({
  id: 'channel.list',
  summary: 'List conversations the token can see: channels, private channels, DMs',
  resource: 'channel',
  action: 'read',
  risk: 1,
  input: z.object({
    types: z.array(z.enum(CHANNEL_TYPES)).optional().describe('Conversation types (repeatable or comma-separated; Slack default public_channel)'),
    exclude_archived: z.boolean().optional().describe('Leave archived channels out'),
  }),
  list: { key: 'channels', maxPageSize: 200, columns: ['id', 'name', 'is_private', 'is_member', 'num_members'] },
  examples: ['aos-slack --json channel list --types public_channel,private_channel --exclude-archived'],
  output: conversation,
  run: ({ types, exclude_archived }, ctx) =>
    slackPage<Conversation>(ctx, 'conversations.list', { types: types?.join(','), exclude_archived: exclude_archived || undefined }, 'channels'),
});
