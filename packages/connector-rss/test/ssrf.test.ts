import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, json, withPolicy } from './support.js';
import { startLocalServer, type LocalServer } from '@aos-connectors/testing';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url === '/to-loopback-v6') {
      response.writeHead(302, { location: `http://[::1]:${server.port}/feed.xml` }).end();
    } else {
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('rss2.xml'));
    }
  });
});
afterAll(() => server.close());

const PRIVATE_NETWORK = { allow_private_network: true };

describe('feed URLs come from input: the SSRF guard refuses non-public targets', () => {
  const targets = (port: number) => [
    ['loopback', `http://127.0.0.1:${port}/feed.xml`, 'loopback'],
    ['private', 'http://10.0.0.1/feed.xml', 'private'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['IPv6 loopback', `http://[::1]:${port}/feed.xml`, 'loopback'],
    ['decimal loopback', `http://2130706433:${port}/feed.xml`, 'loopback'],
    ['localhost', `http://localhost:${port}/feed.xml`, 'loopback'],
  ] as const;

  it.each([0, 1, 2, 3, 4, 5])('refuses target %i with POLICY_DENIED (exit 3) and sends nothing', async (index) => {
    const [, url, addressClass] = targets(server.port)[index]!;
    const before = server.hits.length;
    const { exitCode, envelope } = await json(['feed', 'read', url]);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', address_class: addressClass } });
    expect(server.hits.length).toBe(before);
  });

  it('allow_private_network lets a loopback feed through, in any spelling', async () => {
    for (const url of [`${server.url}/feed.xml`, `http://2130706433:${server.port}/feed.xml`]) {
      const { exitCode, envelope } = await json(['feed', 'read', url], withPolicy(PRIVATE_NETWORK));
      expect(exitCode, JSON.stringify(envelope)).toBe(0);
      expect(envelope.data).toMatchObject({ final_url: `${server.url}/feed.xml`, total_items: 3 });
    }
  });

  it('the metadata address stays refused even with allow_private_network', async () => {
    const { exitCode, envelope } = await json(['feed', 'read', 'http://169.254.169.254/latest/meta-data/'], withPolicy(PRIVATE_NETWORK));
    expect(exitCode).toBe(3);
    expect(envelope.error.details.address_class).toBe('metadata');
  });

  // 127.0.0.1 is listed (so reachable); a bare "*" admits any host name but lifts no SSRF refusal.
  it('a redirect from an allowed host to a refused one is refused before the hop is sent', async () => {
    const before = server.hits.length;
    const { exitCode, envelope } = await json(['feed', 'read', `${server.url}/to-loopback-v6`], withPolicy({ allowed_hosts: ['127.0.0.1', '*'] }));
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', stage: 'redirect', host: '[::1]' } });
    expect(server.hits.slice(before)).toEqual(['/to-loopback-v6']);
  });

  it('the operator\'s RSS_FEED_URL is trusted as configured', async () => {
    const { exitCode, envelope } = await json(['feed', 'read'], { RSS_FEED_URL: `${server.url}/feed.xml` });
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ url: `${server.url}/feed.xml`, total_items: 3 });
  });
});
