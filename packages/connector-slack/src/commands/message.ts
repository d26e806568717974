import * as z from 'zod';
import { command, UsageError, type CommandContext } from '@aos-connectors/core';
import { blocksInput, channelInput, textInput, tsInput } from '../inputs.js';
import type { SlackMessage } from '../types.js';
import { slackPage, slackPost } from '../web-api.js';
import { message, postedMessage } from '../output-shapes.js';

/** chat.postMessage's answer: https://docs.slack.dev/reference/methods/chat.postMessage */
interface PostMessageResponse {
  ok: true;
  channel: string;
  ts: string;
  message: SlackMessage;
}

/** chat.postMessage with a JSON body, and the side effect recorded. */
async function postMessage(ctx: CommandContext, body: { channel: string; text?: string; blocks?: unknown[]; thread_ts?: string; reply_broadcast?: boolean }) {
  if (body.text === undefined && body.blocks === undefined) throw new UsageError('Give --text, --blocks or both');
  const { ok: _ok, ...result } = await slackPost<PostMessageResponse>(ctx, 'chat.postMessage', body);
  ctx.recordSideEffect({ kind: 'create', resource: 'message', id: `${result.channel}/${result.ts}` });
  return result;
}

/** chat.postMessage — https://docs.slack.dev/reference/methods/chat.postMessage */
export const messageSend = command({
  id: 'message.send',
  summary: 'Post a message to a channel, DM or group DM',
  resource: 'message',
  action: 'write',
  risk: 2,
  input: z.object({ channel: channelInput, text: textInput, blocks: blocksInput }),
  positionals: ['channel'],
  examples: ['aos-slack --json --mode write message send C012AB3CD --text "Build *passed*"'],
  output: postedMessage,
  run: ({ channel, text, blocks }, ctx) => postMessage(ctx, { channel, text, blocks }),
});

/** chat.postMessage with thread_ts — https://docs.slack.dev/reference/methods/chat.postMessage#threads */
export const messageReply = command({
  id: 'message.reply',
  summary: 'Reply in the thread of a message',
  resource: 'message',
  action: 'write',
  risk: 2,
  input: z.object({
    channel: channelInput,
    thread_ts: tsInput('ts of the parent message (not of a reply)'),
    text: textInput,
    blocks: blocksInput,
    broadcast: z.boolean().optional().describe('Also show the reply in the channel (reply_broadcast)'),
  }),
  positionals: ['channel', 'thread_ts'],
  examples: ['aos-slack --json --mode write message reply C012AB3CD 1512085950.000216 --text "On it"'],
  output: postedMessage,
  run: ({ channel, thread_ts, text, blocks, broadcast }, ctx) => postMessage(ctx, { channel, thread_ts, text, blocks, reply_broadcast: broadcast }),
});

/**
 * conversations.history — https://docs.slack.dev/reference/methods/conversations.history
 * Newest first. Tier 3, but 1 request a minute with at most 15 messages for apps distributed
 * outside the Marketplace installed since 2025-05-29 (see the page above).
 */
export const messageHistory = command({
  id: 'message.history',
  summary: 'Read a conversation\'s messages, newest first (thread replies are not included)',
  resource: 'message',
  action: 'read',
  risk: 1,
  input: z.object({
    channel: channelInput,
    oldest: tsInput('Only messages after this Unix timestamp').optional(),
    latest: tsInput('Only messages before this Unix timestamp (default: now)').optional(),
    inclusive: z.boolean().optional().describe('Include messages exactly at --oldest or --latest'),
  }),
  positionals: ['channel'],
  list: { key: 'messages', maxPageSize: 200, columns: ['ts', 'user', 'text'] },
  examples: ['aos-slack --json message history C012AB3CD --oldest 1512085950.000216 --limit 50'],
  output: message,
  run: ({ channel, oldest, latest, inclusive }, ctx) =>
    slackPage<SlackMessage>(ctx, 'conversations.history', { channel, oldest, latest, inclusive: inclusive || undefined }, 'messages'),
});
