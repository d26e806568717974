import { ConfigError, isAosError, type CommandContext } from '@aos-connectors/core';
import { type ConversationType, type GatewayLog } from '@aos-connectors/messaging';
import type { AuthTest, Conversation, SlackUser } from '../types.js';
import { slackGet, slackPost } from '../web-api.js';

type Ctx = Pick<CommandContext, 'http'>;

const TRANSIENT = new Set(['BACKEND_UNAVAILABLE', 'TIMEOUT', 'RATE_LIMITED']);

export interface Self {
  user_id: string;
  bot_id: string | undefined;
}

export interface ChannelInfo {
  type: ConversationType;
  name: string | null;
}

export interface Person {
  username: string | null;
  display_name: string | null;
}

/** Who the token is: https://docs.slack.dev/reference/methods/auth.test */
export async function whoAmI(ctx: Ctx): Promise<Self & { team: string; user: string }> {
  const me = await slackPost<AuthTest>(ctx, 'auth.test');
  return { user_id: me.user_id, bot_id: me.bot_id, team: me.team, user: me.user };
}

/** The id's first letter when conversations.info cannot be read: D is a DM, G a legacy private group. */
function guessType(id: string): ChannelInfo {
  return { type: id.startsWith('D') ? 'dm' : id.startsWith('G') ? 'group' : 'channel', name: null };
}

/**
 * A conversation's type and name — https://docs.slack.dev/reference/methods/conversations.info
 * im → dm, mpim → group, public and private channels → channel. A channel Slack does not find
 * is a configuration error (the gateway stops); without channels:read the id's prefix decides.
 */
export async function channelInfo(ctx: Ctx, id: string, log: GatewayLog): Promise<ChannelInfo> {
  try {
    const { channel } = await slackGet<{ channel: Conversation }>(ctx, 'conversations.info', { channel: id });
    if (channel.is_im) return { type: 'dm', name: channel.user ?? null };
    return { type: channel.is_mpim ? 'group' : 'channel', name: channel.name ?? null };
  } catch (error) {
    if (!isAosError(error)) throw error;
    if (error.code === 'NOT_FOUND') {
      throw new ConfigError(`SLACK_CHANNELS lists ${id}, which Slack does not find for this token`, {
        cause: error,
        details: { channel: id, slack_error: error.details.slack_error },
        hint: 'Check the id with `aos-slack channel list`; private channels and DMs need the app as a member.',
      });
    }
    if (error.details.slack_error === 'missing_scope') {
      log(`conversations.info on ${id}: missing_scope (${String(error.details.needed)}); conversation type guessed from the id`);
      return guessType(id);
    }
    throw error;
  }
}

/**
 * Names of message authors, one users.info call per user and process:
 * https://docs.slack.dev/reference/methods/users.info (Tier 4). Without users:read (or on any
 * failure) the author keeps only the id.
 */
export class People {
  readonly #ctx: Ctx;
  readonly #log: GatewayLog;
  readonly #known = new Map<string, Person>();
  #warned = false;

  constructor(ctx: Ctx, log: GatewayLog) {
    this.#ctx = ctx;
    this.#log = log;
  }

  async lookup(userId: string): Promise<Person> {
    const cached = this.#known.get(userId);
    if (cached) return cached;
    let person: Person = { username: null, display_name: null };
    try {
      const { user } = await slackGet<{ user: SlackUser }>(this.#ctx, 'users.info', { user: userId });
      person = { username: user.name ?? null, display_name: user.profile?.display_name || user.profile?.real_name || user.real_name || null };
    } catch (error) {
      if (!this.#warned) this.#log(`users.info failed (${isAosError(error) ? error.message : String(error)}); authors keep only their ids`);
      this.#warned = true;
      // A passing failure is asked again for the next message; a lasting one (a missing scope) is not.
      if (isAosError(error) && TRANSIENT.has(error.code)) return person;
    }
    this.#known.set(userId, person);
    return person;
  }
}
