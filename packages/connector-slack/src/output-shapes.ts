import * as z from 'zod';

/**
 * The documented fields of Slack's answers that commands declare as their `output`: a useful
 * subset of the Web API objects (https://docs.slack.dev/reference/objects), checked against the
 * Web API's OpenAPI description (slackapi/slack-api-specs, components/schemas objs_*), with its
 * optionality (not in `required`: `.optional()`) and nullability. Objects stay open: every other
 * field Slack sends still passes through.
 */

/** `objs_file` (no required field). */
const file = z
  .object({
    id: z.string().optional().describe('File id (F...)'),
    name: z.string().nullable().optional().describe('File name'),
    title: z.string().optional().describe('Title'),
    mimetype: z.string().optional().describe('MIME type'),
    filetype: z.string().optional().describe('Slack file type, e.g. png, pdf'),
    size: z.number().int().optional().describe('Size in bytes'),
    url_private: z.string().optional().describe('Download URL (needs the token)'),
    permalink: z.string().optional().describe('Page of the file in Slack'),
  })
  .describe('An attached file');

/** `objs_reaction`. */
const reaction = z.object({
  name: z.string().describe('Emoji name, without colons'),
  count: z.number().int().describe('How many reacted'),
  users: z.array(z.string()).describe('Ids of users who reacted'),
});

/** `objs_message` — https://docs.slack.dev/reference/events/message */
export const message = z.object({
  type: z.string().describe('message'),
  subtype: z.string().optional().describe('Message subtype (bot_message, channel_join, ...); absent for plain user messages'),
  ts: z.string().describe('Timestamp, the message id within the conversation'),
  thread_ts: z.string().optional().describe('ts of the thread parent (in a thread)'),
  user: z.string().optional().describe('Author user id'),
  bot_id: z.string().nullable().optional().describe('Bot id, for messages posted by a bot'),
  username: z.string().optional().describe('Name shown for bot messages'),
  text: z.string().describe('Text (mrkdwn)'),
  team: z.string().optional().describe('Workspace id'),
  reply_count: z.number().int().optional().describe('Replies in the thread (on a parent)'),
  reply_users_count: z.number().int().optional().describe('Distinct repliers (on a parent)'),
  latest_reply: z.string().optional().describe('ts of the latest reply (on a parent)'),
  reactions: z.array(reaction).optional().describe('Reactions'),
  files: z.array(file).optional().describe('Attached files'),
  permalink: z.string().optional().describe('Link to the message'),
});

/** chat.postMessage's answer without `ok` — https://docs.slack.dev/reference/methods/chat.postMessage */
export const postedMessage = z.object({
  channel: z.string().describe('Conversation id the message went to'),
  ts: z.string().describe('Timestamp of the new message, its id'),
  message: message.describe('The message as posted'),
});

/** `topic` / `purpose` of `objs_conversation`. */
const topic = (what: string) =>
  z
    .object({
      value: z.string().describe('Text'),
      creator: z.string().describe('User id who set it, or ""'),
      last_set: z.number().int().describe('When it was set (Unix seconds)'),
    })
    .describe(what);

/**
 * `objs_conversation` — https://docs.slack.dev/reference/objects/conversation-object
 * A channel, a private channel, a group DM or a DM (the DM variant requires only id, created,
 * is_im, is_org_shared, user, priority: the channel fields are optional here).
 */
export const conversation = z.object({
  id: z.string().describe('Conversation id (C..., G... or D...)'),
  name: z.string().optional().describe('Channel name, without # (not for DMs)'),
  is_channel: z.boolean().optional().describe('A public channel'),
  is_group: z.boolean().optional().describe('A private channel (legacy flag)'),
  is_im: z.boolean().describe('A direct message'),
  is_mpim: z.boolean().optional().describe('A group direct message'),
  is_private: z.boolean().optional().describe('Private channel or group DM'),
  is_archived: z.boolean().optional().describe('Archived'),
  is_general: z.boolean().optional().describe("The workspace's general channel"),
  is_member: z.boolean().optional().describe('Whether the token is a member'),
  is_shared: z.boolean().optional().describe('Shared with another workspace'),
  is_ext_shared: z.boolean().optional().describe('Shared with another organization'),
  is_org_shared: z.boolean().describe('Shared across workspaces of the organization'),
  num_members: z.number().int().optional().describe('Number of members'),
  created: z.number().int().describe('Created (Unix seconds)'),
  creator: z.string().optional().describe('User id of the creator'),
  user: z.string().optional().describe('DM: the other user id'),
  topic: topic('Channel topic').optional(),
  purpose: topic('Channel purpose').optional(),
});

/**
 * `objs_user_profile` — https://docs.slack.dev/reference/objects/user-object#profile
 * title, status_text and status_emoji are `required` in the description but missing from its own
 * users.list example: optional here.
 */
const profile = z
  .object({
    display_name: z.string().describe('Display name'),
    real_name: z.string().describe('Full name'),
    title: z.string().optional().describe('Title'),
    email: z.string().nullable().optional().describe('Email (needs users:read.email)'),
    status_text: z.string().optional().describe('Status text'),
    status_emoji: z.string().optional().describe('Status emoji'),
    image_72: z.string().nullable().optional().describe('Avatar, 72 px'),
  })
  .describe('Profile');

/** `objs_user` — https://docs.slack.dev/reference/objects/user-object (is_app_user: `required`, but missing from the users.list example) */
export const user = z.object({
  id: z.string().describe('User id (U... or W...)'),
  name: z.string().describe('Username'),
  real_name: z.string().optional().describe('Full name'),
  team_id: z.string().optional().describe('Workspace id'),
  deleted: z.boolean().optional().describe('Deactivated'),
  is_bot: z.boolean().describe('A bot user'),
  is_app_user: z.boolean().optional().describe('An app user'),
  is_admin: z.boolean().optional().describe('Workspace admin'),
  is_owner: z.boolean().optional().describe('Workspace owner'),
  is_restricted: z.boolean().optional().describe('Guest (multi-channel)'),
  is_ultra_restricted: z.boolean().optional().describe('Guest (single-channel)'),
  tz: z.string().nullable().optional().describe('Time zone, e.g. America/Los_Angeles'),
  tz_offset: z.number().optional().describe('Time zone offset from UTC in seconds'),
  updated: z.number().describe('Last updated (Unix seconds)'),
  profile,
});

/**
 * One match of search.messages — https://docs.slack.dev/reference/methods/search.messages
 * The archived OpenAPI description gives no schema for this answer, only an example: these
 * fields are the ones of that example and of the method's documentation.
 */
export const searchMatch = z.object({
  type: z.string().describe('message'),
  ts: z.string().describe('Timestamp, the message id within the conversation'),
  text: z.string().describe('Text (mrkdwn)'),
  user: z.string().optional().describe('Author user id ("" for some bots)'),
  username: z.string().optional().describe('Author name'),
  team: z.string().optional().describe('Workspace id'),
  channel: z
    .object({
      id: z.string().describe('Conversation id'),
      name: z.string().optional().describe('Channel name'),
      is_private: z.boolean().optional().describe('Private channel'),
      is_mpim: z.boolean().optional().describe('Group direct message'),
    })
    .describe('Where the message is'),
  permalink: z.string().describe('Link to the message'),
});
