/**
 * The Bot API objects this connector reads, with only the fields it uses:
 * https://core.telegram.org/bots/api#available-types
 */

/** https://core.telegram.org/bots/api#user */
export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** https://core.telegram.org/bots/api#chat */
export interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
  is_forum?: boolean;
}

/** https://core.telegram.org/bots/api#photosize */
export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/** https://core.telegram.org/bots/api#document (audio, video and voice share these fields) */
export interface FileMeta {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** https://core.telegram.org/bots/api#message */
export interface Message {
  message_id: number;
  message_thread_id?: number;
  from?: User;
  sender_chat?: Chat;
  date: number;
  chat: Chat;
  is_topic_message?: boolean;
  edit_date?: number;
  text?: string;
  caption?: string;
  photo?: PhotoSize[];
  document?: FileMeta;
  audio?: FileMeta;
  video?: FileMeta;
  voice?: FileMeta;
}

/** https://core.telegram.org/bots/api#update (only the kinds the gateway asks for) */
export interface Update {
  update_id: number;
  message?: Message;
  edited_message?: Message;
  channel_post?: Message;
}
