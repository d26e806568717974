/**
 * Bot API payloads built only from documented fields (Telegram's reference lists fields, not
 * sample responses): https://core.telegram.org/bots/api#available-types
 */
import type { Update } from '../src/types.js';

/** getMe → User with the bot-only fields: https://core.telegram.org/bots/api#user */
export const botUser = {
  id: 123456789,
  is_bot: true,
  first_name: 'Build Bot',
  username: 'build_agent_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

/** getChat → ChatFullInfo: https://core.telegram.org/bots/api#chatfullinfo */
export const supergroupInfo = {
  id: -1001234567890,
  type: 'supergroup',
  title: 'Release crew',
  username: 'release_crew',
  is_forum: true,
  accent_color_id: 3,
  max_reaction_count: 11,
  description: 'Where releases get shipped',
};

/** https://core.telegram.org/bots/api#user */
export const ann = { id: 111111111, is_bot: false, first_name: 'Ann', last_name: 'Lee', username: 'annlee', language_code: 'en' };
export const privateChat = { id: 111111111, type: 'private', first_name: 'Ann', last_name: 'Lee', username: 'annlee' } as const;
export const group = { id: -4012345678, type: 'group', title: 'Ops' } as const;
export const forum = { id: -1001234567890, type: 'supergroup', title: 'Release crew', username: 'release_crew', is_forum: true } as const;
export const channel = { id: -1009876543210, type: 'channel', title: 'Status', username: 'status_feed' } as const;

/** A text message as sendMessage returns it: https://core.telegram.org/bots/api#message */
export function sentMessage(chat: { id: number; type: string }, messageId: number, text: string) {
  return { message_id: messageId, from: botUser, chat, date: 1767225600, text };
}

/** getUpdates → Update[]: https://core.telegram.org/bots/api#update */
export const updates: Update[] = [
  { update_id: 900000001, message: { message_id: 10, from: ann, chat: privateChat, date: 1767225600, text: 'hello bot' } },
  {
    update_id: 900000002,
    message: {
      message_id: 11,
      from: ann,
      chat: group,
      date: 1767225660,
      caption: 'the dashboard',
      photo: [
        { file_id: 'AgACAgQAAxkBAAMLsmall', file_unique_id: 'AQADsmall', width: 90, height: 60, file_size: 1234 },
        { file_id: 'AgACAgQAAxkBAAMLlarge', file_unique_id: 'AQADlarge', width: 1280, height: 853, file_size: 98765 },
      ],
    },
  },
  {
    update_id: 900000003,
    message: {
      message_id: 12,
      message_thread_id: 7,
      is_topic_message: true,
      from: ann,
      chat: forum,
      date: 1767225720,
      document: { file_id: 'BQACAgQAAxkBAAMMdoc', file_unique_id: 'AgADdoc', file_name: 'release-notes.pdf', mime_type: 'application/pdf', file_size: 52344 },
    },
  },
  { update_id: 900000004, channel_post: { message_id: 99, sender_chat: channel, chat: channel, date: 1767225780, text: 'All systems go' } },
  { update_id: 900000005, edited_message: { message_id: 10, from: ann, chat: privateChat, date: 1767225600, edit_date: 1767225900, text: 'hello bot!' } },
  // A service message (someone joined): not a readable message, but its update is still confirmed.
  { update_id: 900000006, message: { message_id: 13, from: ann, chat: group, date: 1767225960 } },
];

/** getWebhookInfo → WebhookInfo: https://core.telegram.org/bots/api#webhookinfo */
export const noWebhook = { url: '', has_custom_certificate: false, pending_update_count: 3 };
