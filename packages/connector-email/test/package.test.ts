import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { closedPortUrl, packedInstallSuite } from '@aos-connectors/testing';

packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  refusedWrite: ['mail', 'send', '--to', 'ann@example.com', '--subject', 's', '--text', 't'],
  absent: ['smtp-server'],
  extra: (packed) => {
    it('loads its lazily imported IMAP and SMTP libraries from the install (a closed port is BACKEND_UNAVAILABLE)', async () => {
      const port = new URL(await closedPortUrl()).port;
      const env = { EMAIL_IMAP_HOST: '127.0.0.1', EMAIL_IMAP_PORT: port, EMAIL_SMTP_HOST: '127.0.0.1', EMAIL_SMTP_PORT: port, EMAIL_USER: 'a@example.com', EMAIL_PASSWORD: 'x' };
      for (const argv of [['mail', 'list'], ['--mode', 'write', 'mail', 'send', '--to', 'ann@example.com', '--subject', 's', '--text', 't']]) {
        const result = await packed().run(['--json', ...argv], env);
        expect(result.exitCode, result.stdout + result.stderr).toBe(5);
        expect(result.json().error.code).toBe('BACKEND_UNAVAILABLE');
      }
    });
  },
});
