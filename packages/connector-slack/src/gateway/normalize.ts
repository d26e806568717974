import type { Attachment, IncomingMessage } from '@aos-connectors/messaging';
import type { SlackFile, SlackMessage } from '../types.js';
import type { ChannelInfo, Person, Self } from './directory.js';
import { tsToIso } from './ts.js';

/**
 * Message subtypes that carry what someone wrote (https://docs.slack.dev/reference/events/message);
 * the rest (joins, topic changes, deletions...) are channel events, not messages for the agent.
 */
const CONTENT_SUBTYPES = new Set([undefined, 'bot_message', 'thread_broadcast', 'file_share', 'me_message']);

/** Whether a history entry is a message for the inbox: content, and not written by this app. */
export function isIncoming(message: SlackMessage, self: Self): boolean {
  if (message.type !== 'message' || !CONTENT_SUBTYPES.has(message.subtype)) return false;
  if (message.user === self.user_id || (self.bot_id !== undefined && message.bot_id === self.bot_id)) return false;
  return Boolean(message.text) || Boolean(message.files?.length);
}

/** The author's id: a user, or a bot (bot_message entries may have no user). */
export function authorOf(message: SlackMessage): string | undefined {
  return message.user || message.bot_id;
}

/**
 * One history entry as an inbox message. Ids are `slack:<channel>:<ts>` (a ts is unique within a
 * channel); `thread_id` is the parent's ts for a reply shown in the channel (thread_broadcast).
 */
export function normalizeMessage(channel: string, info: ChannelInfo, message: SlackMessage, person: Person): IncomingMessage {
  const incoming: IncomingMessage = {
    id: `slack:${channel}:${message.ts}`,
    timestamp: tsToIso(message.ts),
    sender: {
      id: authorOf(message) ?? 'unknown',
      username: person.username ?? message.username ?? null,
      display_name: person.display_name ?? message.username ?? null,
    },
    content: { text: message.text ?? '', attachments: (message.files ?? []).map(attachmentOf) },
    conversation: { id: channel, type: info.type, name: info.name },
  };
  if (message.thread_ts && message.thread_ts !== message.ts) incoming.thread_id = message.thread_ts;
  return incoming;
}

/** A file's metadata (https://docs.slack.dev/reference/objects/file-object); `url_private` needs the token to download. */
function attachmentOf(file: SlackFile): Attachment {
  const attachment: Record<string, unknown> = {
    type: 'file',
    id: file.id,
    name: file.name ?? file.title,
    mime_type: file.mimetype,
    size: file.size,
    url: file.url_private,
  };
  return Object.fromEntries(Object.entries(attachment).filter(([, value]) => value !== undefined && value !== null)) as Attachment;
}
