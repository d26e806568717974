import { ConfigError, isAosError, type CommandContext } from '@aos-connectors/core';
import { type GatewayLog, type MessagingAdapter, type OutgoingMessage } from '@aos-connectors/messaging';
import type { Paged, SlackMessage } from '../types.js';
import { slackGet, slackPost } from '../web-api.js';
import { channelInfo, People, whoAmI, type ChannelInfo, type Self } from './directory.js';
import { authorOf, isIncoming, normalizeMessage } from './normalize.js';
import { DEFAULT_POLL_INTERVAL_S, gatewaySettings, type GatewaySettings } from './settings.js';
import { compareTs, nowTs } from './ts.js';

/** The newest ts seen per channel: conversations.history's `oldest` on the next poll. */
export type SlackCursor = Record<string, string>;

/** Slack recommends pages of at most 200: https://docs.slack.dev/reference/methods/conversations.history */
const PAGE_SIZE = 200;
/** At most this many pages per channel and poll (1000 messages) keep one poll bounded. */
const MAX_PAGES = 5;

interface History extends Paged {
  messages?: SlackMessage[];
  has_more?: boolean;
}

/**
 * The Slack gateway (CONTRACT §9), polling conversations.history per configured channel rather
 * than Socket Mode (see the README for why):
 * - the cursor is `{<channel>: <newest ts seen>}`, saved by the core after the inbox write, and
 *   sent back as `oldest` (exclusive), so a restart resumes where the inbox ends;
 * - a channel without a cursor starts at its newest message: history from before the first
 *   start is not replayed;
 * - messages this app posted (its bot_id or bot user) are skipped, and so are channel events.
 */
export function slackAdapter(ctx: CommandContext): MessagingAdapter<SlackCursor> {
  // Read on connect, not here: building the adapter (e.g. for a dry-run plan) never fails.
  let settings: GatewaySettings | undefined;
  const configured = () => (settings ??= gatewaySettings(ctx.settings));
  let self: Self | undefined;
  let people: People | undefined;
  const infos = new Map<string, ChannelInfo>();

  /** Everything after `oldest`, oldest first (Slack pages newest first). */
  async function newMessages(channel: string, oldest: string, log: GatewayLog): Promise<SlackMessage[]> {
    const found: SlackMessage[] = [];
    let cursor: string | undefined;
    for (let page = 1; ; page += 1) {
      const body = await history(channel, { oldest, limit: PAGE_SIZE, cursor });
      found.push(...(body.messages ?? []));
      cursor = body.response_metadata?.next_cursor || undefined;
      if (!body.has_more || !cursor) break;
      if (page >= MAX_PAGES) {
        log(`${channel}: more than ${MAX_PAGES * PAGE_SIZE} new messages since the last poll; only the newest are delivered`);
        break;
      }
    }
    return found.sort((a, b) => compareTs(a.ts, b.ts));
  }

  // conversations.history — https://docs.slack.dev/reference/methods/conversations.history
  async function history(channel: string, query: Record<string, string | number | undefined>): Promise<History> {
    try {
      return await slackGet<History>(ctx, 'conversations.history', { channel, ...query });
    } catch (error) {
      if (isAosError(error) && error.code === 'NOT_FOUND') {
        throw new ConfigError(`SLACK_CHANNELS lists ${channel}, which Slack does not find for this token`, { cause: error, details: { channel } });
      }
      throw error;
    }
  }

  return {
    type: 'slack',
    get idleDelayMs() {
      return settings?.idleDelayMs ?? DEFAULT_POLL_INTERVAL_S * 1000;
    },

    async connect({ log }) {
      const { channels } = configured();
      self = await whoAmI(ctx);
      people = new People(ctx, log);
      for (const channel of channels) if (!infos.has(channel)) infos.set(channel, await channelInfo(ctx, channel, log));
      log(`connected as ${self.user_id}${self.bot_id ? ` (bot ${self.bot_id})` : ''}; polling ${channels.join(', ')}`);
    },

    async poll({ cursor, log }) {
      const { channels } = configured();
      const next: SlackCursor = { ...cursor };
      const messages = [];
      for (const channel of channels) {
        const oldest = next[channel];
        if (oldest === undefined) {
          // First sight of this channel: start after its newest message (or now, if it has none).
          const latest = (await history(channel, { limit: 1 })).messages?.[0]?.ts;
          next[channel] = latest ?? nowTs();
          continue;
        }
        const batch = await newMessages(channel, oldest, log);
        for (const message of batch) {
          if (!isIncoming(message, self!)) continue;
          const author = authorOf(message);
          const person = message.user ? await people!.lookup(message.user) : { username: null, display_name: null };
          if (author) messages.push(normalizeMessage(channel, infos.get(channel)!, message, person));
        }
        if (batch.length > 0) next[channel] = batch.at(-1)!.ts;
      }
      return { messages, cursor: next };
    },

    // chat.postMessage — https://docs.slack.dev/reference/methods/chat.postMessage
    async send(message: OutgoingMessage) {
      const sent = await slackPost<{ channel: string; ts: string }>(ctx, 'chat.postMessage', {
        channel: message.conversation_id,
        text: message.text,
        thread_ts: message.thread_id,
      });
      return { platform_id: `${sent.channel}/${sent.ts}` };
    },
  };
}
