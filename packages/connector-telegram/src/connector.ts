import { withGateway } from '@aos-connectors/messaging';
import { defineConnector } from '@aos-connectors/core';
import { botGet } from './bot-api.js';
import { chatGet } from './commands/chat.js';
import { meGet } from './commands/me.js';
import { messageEdit, messageSend } from './commands/message.js';
import { updatesList } from './commands/updates.js';
import { webhookGet } from './commands/webhook.js';
import { mapTelegramError } from './errors.js';
import { telegramAdapter } from './gateway/adapter.js';
import { telegramHttp, TELEGRAM_API_URL } from './http-profile.js';
import type { User } from './types.js';

export const telegram = defineConnector(withGateway({
  tool: 'aos-telegram',
  root: new URL('..', import.meta.url),
  backend: 'telegram-bot-api',
  label: 'Telegram',
  category: 'messaging',
  categories: ['messaging', 'chat'],
  description: 'Telegram for agents through the Bot API: send and edit messages, read chats, and a gateway between Telegram and the file queue.',
  auth: {
    kind: 'bot-token',
    required: true,
    interactive_setup: [
      'Talk to @BotFather in Telegram: /newbot creates a bot and shows its token (/mybots shows it again).',
      'Set TELEGRAM_BOT_TOKEN in the environment the agent host injects.',
      'For groups: add the bot to the group; to receive every message (not only commands and replies), turn privacy mode off with /setprivacy in @BotFather.',
    ],
  },
  secrets: [{ name: 'TELEGRAM_BOT_TOKEN', description: 'Bot token from @BotFather (123456789:AA...)' }],
  settings: [
    { name: 'TELEGRAM_API_URL', default: TELEGRAM_API_URL, description: 'Bot API base URL (a self-hosted Bot API server, or tests)' },
  ],
  http: telegramHttp,
  // getMe — https://core.telegram.org/bots/api#getme
  health: async (ctx) => {
    const me = await botGet<User>(ctx, 'getMe');
    return { detail: `authenticated as @${me.username ?? me.id}` };
  },
  mapError: mapTelegramError,
  commands: [meGet, chatGet, messageSend, messageEdit, updatesList, webhookGet],
}, { adapter: (ctx) => telegramAdapter(ctx) }));

export default telegram;
