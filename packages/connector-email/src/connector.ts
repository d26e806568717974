import { withGateway } from '@aos-connectors/messaging';
import { defineConnector } from '@aos-connectors/core';
import { mailList } from './commands/list.js';
import { mailRead } from './commands/read.js';
import { mailSend } from './commands/send.js';
import { emailAdapter } from './gateway/adapter.js';
import { emailHealth } from './health.js';
import { mapInternal } from './map-internal.js';

export const email = defineConnector(withGateway({
  tool: 'aos-email',
  root: new URL('..', import.meta.url),
  backend: 'imap-smtp',
  label: 'Email',
  category: 'messaging',
  categories: ['messaging', 'email'],
  description: 'Email for agents: list and read over IMAP, send over SMTP, and a gateway that turns new mail into inbox messages.',
  auth: {
    kind: 'basic',
    required: true,
    interactive_setup: [
      'Find your provider\'s IMAP and SMTP host names and ports (e.g. imap.example.com:993 and smtp.example.com:465).',
      'Create an app password if your provider requires one for IMAP/SMTP logins.',
      'Set EMAIL_IMAP_HOST, EMAIL_SMTP_HOST, EMAIL_USER and EMAIL_PASSWORD (and EMAIL_FROM if it differs from EMAIL_USER).',
    ],
  },
  secrets: [{ name: 'EMAIL_PASSWORD', description: 'Password (or app password) of EMAIL_USER, for IMAP and SMTP' }],
  settings: [
    { name: 'EMAIL_IMAP_HOST', description: 'IMAP server host name', required: true },
    { name: 'EMAIL_IMAP_PORT', default: '993', description: 'IMAP port (993 implicit TLS, 143 STARTTLS)' },
    { name: 'EMAIL_IMAP_SECURE', description: 'true: TLS from the start (default on port 993); false: STARTTLS when offered' },
    { name: 'EMAIL_SMTP_HOST', description: 'SMTP server host name (needed by mail send and the gateway)' },
    { name: 'EMAIL_SMTP_PORT', default: '465', description: 'SMTP port (465 implicit TLS, 587 STARTTLS)' },
    { name: 'EMAIL_SMTP_SECURE', description: 'true: TLS from the start (default on port 465); false: STARTTLS when offered' },
    { name: 'EMAIL_USER', description: 'Login name for IMAP and SMTP (usually the email address)', required: true },
    { name: 'EMAIL_FROM', description: 'From address of sent mail (default: EMAIL_USER)' },
    { name: 'EMAIL_MAILBOX', default: 'INBOX', description: 'Mailbox that mail list/read and the gateway use' },
    { name: 'EMAIL_POLL_SECONDS', default: '30', description: 'Gateway: fallback check interval when the server pushes no IDLE updates' },
    { name: 'EMAIL_GATEWAY_SUBJECT', default: 'Message from your agent', description: 'Gateway: subject of a sent message that answers no known thread' },
  ],
  health: emailHealth,
  mapError: mapInternal,
  commands: [mailList, mailRead, mailSend],
}, { adapter: (ctx) => emailAdapter(ctx), requires: ['EMAIL_IMAP_HOST', 'EMAIL_SMTP_HOST', 'EMAIL_USER'] }));

export default email;
