import * as z from 'zod';
import { command } from '@aos-connectors/core';
import type { SlackUser } from '../types.js';
import { slackPage } from '../web-api.js';
import { user } from '../output-shapes.js';

/** users.list — https://docs.slack.dev/reference/methods/users.list (Tier 2; `members` in the body) */
export const userList = command({
  id: 'user.list',
  summary: 'List the workspace members, bots and deactivated users included',
  resource: 'user',
  action: 'read',
  risk: 1,
  input: z.object({}),
  list: { key: 'users', maxPageSize: 200, columns: ['id', 'name', 'real_name', 'is_bot', 'deleted'] },
  examples: ['aos-slack --json user list --limit 100'],
  output: user,
  run: (_input, ctx) => slackPage<SlackUser>(ctx, 'users.list', {}, 'members'),
});
