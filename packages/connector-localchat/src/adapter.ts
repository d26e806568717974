import { type CommandContext } from '@aos-connectors/core';
import { type MessagingAdapter } from '@aos-connectors/messaging';
import { stdioAdapter } from '@aos-connectors/messaging';
import { chatSettings } from './settings.js';

/**
 * The core's stdin/stdout adapter under this connector's settings: each line typed becomes an
 * inbox message from LOCALCHAT_USER, each outbox message is printed. Messages carry
 * `connector.type: "localchat"`, like the tool's name.
 */
export function localchatAdapter(ctx: CommandContext): MessagingAdapter<null> {
  const chat = chatSettings(ctx.settings);
  const output = chat.output === 'stderr' ? process.stderr : process.stdout;
  if (process.stdin.isTTY) ctx.warn('Type a message and press Enter; replies appear here. Ctrl-D ends your input, Ctrl-C stops.');
  return { ...stdioAdapter({ user: chat.user, conversationId: chat.conversation, format: chat.format, output }), type: 'localchat' };
}
