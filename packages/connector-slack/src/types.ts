/** The Web API shapes this connector reads, with only the fields it uses. */

/** `response_metadata.next_cursor`: https://docs.slack.dev/apis/web-api/pagination */
export interface Paged {
  ok: true;
  response_metadata?: { next_cursor?: string };
}

/** A message event in history: https://docs.slack.dev/reference/events/message */
export interface SlackMessage {
  type: 'message';
  subtype?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  text?: string;
  files?: SlackFile[];
}

/** https://docs.slack.dev/reference/objects/file-object */
export interface SlackFile {
  id: string;
  name?: string | null;
  title?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
}

/** https://docs.slack.dev/reference/objects/conversation-object */
export interface Conversation {
  id: string;
  name?: string;
  is_im?: boolean;
  is_mpim?: boolean;
  is_private?: boolean;
  user?: string;
}

/** https://docs.slack.dev/reference/objects/user-object */
export interface SlackUser {
  id: string;
  name?: string;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/** auth.test: https://docs.slack.dev/reference/methods/auth.test */
export interface AuthTest {
  ok: true;
  url: string;
  team: string;
  user: string;
  team_id: string;
  user_id: string;
  bot_id?: string;
}
