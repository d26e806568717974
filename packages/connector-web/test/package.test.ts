import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packedInstallSuite } from '@aos-connectors/testing';
import { startLocalServer, type LocalServer } from '@aos-connectors/testing';
import { withPolicy } from './support.js';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<title>T</title><h1>Hi</h1><table><tr><th>a</th></tr><tr><td>1</td></tr></table>'));
});
afterAll(async () => server?.close());

// Beyond the shared checks: the HTML stack (turndown, domino) resolves outside the workspace.
packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  extra: (packed) => {
    it('web fetch converts a page with the installed HTML stack, once the policy allows loopback', async () => {
      const refused = await packed().run(['--json', 'web', 'fetch', `${server.url}/`]);
      expect(refused.exitCode).toBe(3);
      const policy = withPolicy({ allow_private_network: true }) as Record<string, string>;
      const result = await packed().run(['--json', 'web', 'fetch', `${server.url}/`], policy);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.json().data).toMatchObject({ title: 'T', content: '# Hi\n\n| a   |\n| --- |\n| 1   |' });
    });
  },
});
