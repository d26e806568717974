import { withGateway } from '@aos-connectors/messaging';
import { defineConnector } from '@aos-connectors/core';
import { channelList } from './commands/channel.js';
import { messageHistory, messageReply, messageSend } from './commands/message.js';
import { messageSearch, USER_TOKEN } from './commands/search.js';
import { userList } from './commands/user.js';
import { mapSlackError } from './errors.js';
import { slackAdapter } from './gateway/adapter.js';
import { whoAmI } from './gateway/directory.js';
import { CHANNELS, DEFAULT_POLL_INTERVAL_S, POLL_INTERVAL } from './gateway/settings.js';
import { slackHttp, SLACK_API_URL } from './http-profile.js';

export const slack = defineConnector(withGateway({
  tool: 'aos-slack',
  root: new URL('..', import.meta.url),
  backend: 'slack-web-api',
  label: 'Slack',
  category: 'messaging',
  categories: ['messaging', 'chat', 'collaboration'],
  description: 'Slack for agents through the Web API: channels, history, search, messages and thread replies, and a gateway between Slack channels and the file queue.',
  auth: {
    kind: 'bot-token',
    required: true,
    interactive_setup: [
      'Create a Slack app at https://api.slack.com/apps, add the bot scopes it needs (see Permissions below) under OAuth & Permissions, and install it to the workspace.',
      'Set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-...); invite the app to the channels it should read or post in.',
      'For message search only: add the user scope search:read, reinstall, and set SLACK_USER_TOKEN to the User OAuth Token (xoxp-...).',
    ],
  },
  secrets: [
    { name: 'SLACK_BOT_TOKEN', description: 'Bot User OAuth Token (xoxb-...)' },
    { name: USER_TOKEN, required: false, description: 'User OAuth Token (xoxp-...) with search:read, for message search only' },
  ],
  settings: [
    { name: 'SLACK_API_URL', default: SLACK_API_URL, description: 'Web API base URL (tests, proxies)' },
    { name: CHANNELS, description: 'Gateway: conversation ids to poll, comma-separated (C012AB3CD,D0C0F7S8Y)' },
    { name: POLL_INTERVAL, default: String(DEFAULT_POLL_INTERVAL_S), description: 'Gateway: seconds between polls when nothing is new (raised to keep within 40 history calls a minute)' },
  ],
  http: slackHttp,
  // auth.test — https://docs.slack.dev/reference/methods/auth.test
  health: async (ctx) => {
    const me = await whoAmI(ctx);
    return { detail: `authenticated as ${me.user} (${me.user_id}) in ${me.team}` };
  },
  mapError: mapSlackError,
  commands: [channelList, messageSend, messageReply, messageHistory, messageSearch, userList],
}, { adapter: (ctx) => slackAdapter(ctx) }));

export default slack;
