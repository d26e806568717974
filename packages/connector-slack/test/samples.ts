/** Valid arguments for every command but the gateway (a daemon, covered by gateway.test.ts). */
export const samples: Record<string, string[]> = {
  'channel.list': ['--types', 'public_channel,private_channel', '--exclude-archived'],
  'message.send': ['C012AB3CD', '--text', 'Build passed'],
  'message.reply': ['C012AB3CD', '1512085950.000216', '--text', 'On it'],
  'message.history': ['C012AB3CD', '--oldest', '1512085950.000216'],
  'message.search': ['deploy failed'],
  'user.list': [],
};
