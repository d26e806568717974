import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packedInstallSuite } from '@aos-connectors/testing';
import { startLocalServer, type LocalServer } from '@aos-connectors/testing';
import { fixture, withPolicy } from './support.js';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((_, response) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('atom.xml')));
});
afterAll(async () => server?.close());

// Beyond the shared checks: the XML stack (fast-xml-parser, entities) resolves outside the workspace.
packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  extra: (packed) => {
    it('feed read parses a feed with the installed XML stack, once the policy allows loopback', async () => {
      const refused = await packed().run(['--json', 'feed', 'read', `${server.url}/`]);
      expect(refused.exitCode).toBe(3);
      const policy = withPolicy({ allow_private_network: true }) as Record<string, string>;
      const result = await packed().run(['--json', 'feed', 'read', `${server.url}/`, '--limit', '1'], policy);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.json().data).toMatchObject({ feed: { format: 'atom1', title: 'dive into mark' }, items: [{ id: 'tag:example.org,2003:3.2397' }], has_more: true });
    });
  },
});
