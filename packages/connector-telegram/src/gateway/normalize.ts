import type { Attachment, ConversationType, IncomingMessage } from '@aos-connectors/messaging';
import type { Chat, FileMeta, Message, Update } from '../types.js';

/** https://core.telegram.org/bots/api#chat `type` → the contract's conversation type. */
const CONVERSATION_TYPE: Record<Chat['type'], ConversationType> = {
  private: 'dm',
  group: 'group',
  supergroup: 'group',
  channel: 'channel',
};

const FILE_KINDS = ['document', 'audio', 'video', 'voice'] as const;

/**
 * One update as an inbox message, or undefined for what is not a readable message (service
 * messages, stickers, polls...). Ids are stable across redeliveries: `telegram:<chat>:<message>`,
 * and an edit gets `:edited:<edit_date>` so each version reaches the inbox once.
 */
export function normalizeUpdate(update: Update): IncomingMessage | undefined {
  const edited = update.edited_message;
  const message = update.message ?? update.channel_post ?? edited;
  if (!message) return undefined;
  const text = message.text ?? message.caption ?? '';
  const attachments = attachmentsOf(message);
  if (text === '' && attachments.length === 0) return undefined;
  const id = `telegram:${message.chat.id}:${message.message_id}`;
  const incoming: IncomingMessage = {
    id: edited ? `${id}:edited:${message.edit_date ?? update.update_id}` : id,
    timestamp: isoTime(edited ? (message.edit_date ?? message.date) : message.date),
    sender: senderOf(message),
    content: { text, attachments },
    conversation: { id: String(message.chat.id), type: CONVERSATION_TYPE[message.chat.type] ?? 'group', name: chatName(message.chat) },
  };
  // Only forum topics take message_thread_id back in sendMessage; replies in other groups carry one too.
  if (message.is_topic_message && message.message_thread_id !== undefined) incoming.thread_id = String(message.message_thread_id);
  return incoming;
}

/** The author: the chat a message was sent on behalf of (channels, anonymous admins), else the user. */
function senderOf(message: Message): IncomingMessage['sender'] {
  const onBehalf = message.sender_chat;
  if (onBehalf) return { id: String(onBehalf.id), username: onBehalf.username ?? null, display_name: chatName(onBehalf) };
  const user = message.from;
  if (user) {
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return { id: String(user.id), username: user.username ?? null, display_name: name || null };
  }
  return { id: String(message.chat.id), username: message.chat.username ?? null, display_name: chatName(message.chat) };
}

function chatName(chat: Chat): string | null {
  return chat.title ?? ([chat.first_name, chat.last_name].filter(Boolean).join(' ') || chat.username || null);
}

/**
 * Metadata only: a file's content needs getFile and a URL holding the bot token, which must
 * never reach the inbox. An agent that needs the bytes asks for `file_id`.
 */
function attachmentsOf(message: Message): Attachment[] {
  const attachments: Attachment[] = [];
  // Telegram sends each photo in several sizes, smallest first.
  const photo = message.photo?.at(-1);
  if (photo) attachments.push(defined({ type: 'photo', file_id: photo.file_id, width: photo.width, height: photo.height, size: photo.file_size }));
  for (const kind of FILE_KINDS) {
    const file: FileMeta | undefined = message[kind];
    if (file) attachments.push(defined({ type: kind, file_id: file.file_id, name: file.file_name, mime_type: file.mime_type, size: file.file_size }));
  }
  return attachments;
}

function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString();
}

function defined(attachment: Record<string, unknown> & { type: string }): Attachment {
  return Object.fromEntries(Object.entries(attachment).filter(([, value]) => value !== undefined)) as Attachment;
}
