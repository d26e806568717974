/** Valid arguments for every command but the gateway (a daemon, covered by gateway.test.ts). */
export const samples: Record<string, string[]> = {
  'me.get': [],
  'chat.get': ['-1001234567890'],
  'message.send': ['-1001234567890', '--text', 'Build passed', '--reply-to', '42'],
  'message.edit': ['-1001234567890', '43', '--text', 'Build passed (2 warnings)'],
  'updates.list': ['--limit', '5'],
  'webhook.get': [],
};
