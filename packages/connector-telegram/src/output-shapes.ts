import * as z from 'zod';

/**
 * The documented fields of the Bot API's objects that commands declare as their `output`: a
 * useful subset of https://core.telegram.org/bots/api#available-types, each `Optional.` field
 * there `.optional()` here. Objects stay open: every other field Telegram sends still passes.
 */

/** User — https://core.telegram.org/bots/api#user */
const userFields = {
  id: z.number().int().describe('User or bot id'),
  is_bot: z.boolean().describe('Whether this is a bot'),
  first_name: z.string().describe('First name'),
  last_name: z.string().optional().describe('Last name'),
  username: z.string().optional().describe('Username, without @'),
  language_code: z.string().optional().describe("IETF language tag of the user's language"),
};
export const user = z.object(userFields).describe('A Telegram user or bot');

/** getMe's User, with the fields "Returned only in getMe". */
export const me = z.object({
  ...userFields,
  can_join_groups: z.boolean().optional().describe('Whether the bot can be invited to groups'),
  can_read_all_group_messages: z.boolean().optional().describe('Whether privacy mode is disabled (the bot sees every group message)'),
  supports_inline_queries: z.boolean().optional().describe('Whether the bot supports inline queries'),
  has_main_web_app: z.boolean().optional().describe('Whether the bot has a main Web App'),
});

/** Chat — https://core.telegram.org/bots/api#chat */
const chatFields = {
  id: z.number().int().describe('Chat id (negative for groups and channels)'),
  type: z.enum(['private', 'group', 'supergroup', 'channel']).describe('Chat type'),
  title: z.string().optional().describe('Title (groups, supergroups, channels)'),
  username: z.string().optional().describe('Username, without @ (private chats, supergroups, channels)'),
  first_name: z.string().optional().describe('First name of the other party (private chats)'),
  last_name: z.string().optional().describe('Last name of the other party (private chats)'),
  is_forum: z.boolean().optional().describe('Whether the supergroup has topics enabled'),
};
const chat = z.object(chatFields).describe('A chat');

/** MessageEntity — https://core.telegram.org/bots/api#messageentity */
const entity = z.object({
  type: z.string().describe('mention, hashtag, bot_command, url, bold, text_link, ...'),
  offset: z.number().int().describe('Start, in UTF-16 code units'),
  length: z.number().int().describe('Length, in UTF-16 code units'),
  url: z.string().optional().describe('text_link only: the URL'),
});

/** PhotoSize — https://core.telegram.org/bots/api#photosize */
const photoSize = z.object({
  file_id: z.string().describe('File id, to download or resend it'),
  file_unique_id: z.string().describe('Stable unique file id (cannot be used to download)'),
  width: z.number().int().describe('Width in pixels'),
  height: z.number().int().describe('Height in pixels'),
  file_size: z.number().int().optional().describe('Size in bytes'),
});

/** The fields of Message declared here, but `reply_to_message` (a Message itself). */
const messageFields = {
  message_id: z.number().int().describe('Message id within the chat'),
  message_thread_id: z.number().int().optional().describe('Forum topic or thread id'),
  from: user.optional().describe('Sender (absent for messages sent to channels)'),
  sender_chat: chat.optional().describe('Sender when sent on behalf of a chat'),
  date: z.number().int().describe('Sent (Unix seconds)'),
  chat: chat.describe('The chat the message belongs to'),
  edit_date: z.number().int().optional().describe('Last edited (Unix seconds)'),
  is_topic_message: z.boolean().optional().describe('Sent to a forum topic'),
  text: z.string().optional().describe('Text of a text message'),
  entities: z.array(entity).optional().describe('Mentions, links, commands, formatting in the text'),
  caption: z.string().optional().describe('Caption of a media message'),
  photo: z.array(photoSize).optional().describe('A photo: its available sizes'),
  document: z
    .object({
      file_id: z.string().describe('File id, to download or resend it'),
      file_unique_id: z.string().describe('Stable unique file id'),
      file_name: z.string().optional().describe('Original file name'),
      mime_type: z.string().optional().describe('MIME type'),
      file_size: z.number().int().optional().describe('Size in bytes'),
    })
    .optional()
    .describe('A general file'),
};

/** Message — https://core.telegram.org/bots/api#message */
export const message = z.object({
  ...messageFields,
  reply_to_message: z.object(messageFields).optional().describe('The message replied to (same chat and thread)'),
});

/** ChatFullInfo (getChat) — https://core.telegram.org/bots/api#chatfullinfo */
export const chatFullInfo = z.object({
  ...chatFields,
  description: z.string().optional().describe('Description (groups, supergroups, channels)'),
  bio: z.string().optional().describe('Bio of the other party (private chats)'),
  invite_link: z.string().optional().describe('Primary invite link (groups, supergroups, channels)'),
  active_usernames: z.array(z.string()).optional().describe('All active usernames'),
  linked_chat_id: z.number().int().optional().describe('Linked discussion group or channel id'),
  slow_mode_delay: z.number().int().optional().describe('Supergroups: seconds between messages per user'),
  has_protected_content: z.boolean().optional().describe('Whether messages cannot be forwarded'),
  max_reaction_count: z.number().int().describe('Most reactions a message may get in this chat'),
  pinned_message: z.object(messageFields).optional().describe('The most recent pinned message'),
});

/** Update — https://core.telegram.org/bots/api#update (one of the optional kinds is present) */
export const update = z.object({
  update_id: z.number().int().describe('Update id, increasing'),
  message: message.optional().describe('A new message'),
  edited_message: message.optional().describe('A new version of an edited message'),
  channel_post: message.optional().describe('A new channel post'),
  edited_channel_post: message.optional().describe('A new version of an edited channel post'),
});

/** WebhookInfo — https://core.telegram.org/bots/api#webhookinfo */
export const webhookInfo = z.object({
  url: z.string().describe('Webhook URL; empty when no webhook is set (long polling, the gateway, can work)'),
  has_custom_certificate: z.boolean().describe('Whether a custom certificate was given'),
  pending_update_count: z.number().int().describe('Updates waiting to be delivered'),
  ip_address: z.string().optional().describe('IP address in use for the webhook'),
  last_error_date: z.number().int().optional().describe('Last delivery error (Unix seconds)'),
  last_error_message: z.string().optional().describe('Last delivery error'),
  max_connections: z.number().int().optional().describe('Most simultaneous HTTPS connections'),
  allowed_updates: z.array(z.string()).optional().describe('Update types the bot is subscribed to'),
});
