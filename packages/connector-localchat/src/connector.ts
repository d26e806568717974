import { withGateway } from '@aos-connectors/messaging';
import { defineConnector } from '@aos-connectors/core';
import { localchatAdapter } from './adapter.js';
import { sessionInfo } from './commands/session.js';

export const localchat = defineConnector(withGateway({
  tool: 'aos-localchat',
  root: new URL('..', import.meta.url),
  backend: 'stdio',
  label: 'Local chat',
  category: 'messaging',
  categories: ['messaging', 'developer-tools'],
  description: 'Chat with your agent in the terminal: stdin lines become inbox messages and outbox messages are printed. No account needed.',
  auth: { kind: 'none', required: false, interactive_setup: [] },
  secrets: [],
  settings: [
    { name: 'LOCALCHAT_USER', description: 'Sender id of the lines you type (default: your OS user name)' },
    { name: 'LOCALCHAT_CONVERSATION', default: 'local', description: 'Conversation id of the chat (what replies use as conversation_id)' },
    { name: 'LOCALCHAT_FORMAT', default: 'text', description: 'How replies are printed: text, or json (one OutgoingMessage per line)' },
    { name: 'LOCALCHAT_OUTPUT', default: 'stdout', description: 'Where replies are printed: stdout, or stderr (keeps stdout for the --json envelope)' },
  ],
  commands: [sessionInfo],
}, { adapter: (ctx) => localchatAdapter(ctx) }));

export default localchat;
