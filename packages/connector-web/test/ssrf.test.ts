import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '@aos-connectors/testing';
import { json, withPolicy } from './support.js';

let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((request, response) => {
    if (request.url === '/to-loopback-v6') response.writeHead(302, { location: `http://[::1]:${server.port}/page` }).end();
    else if (request.url === '/to-metadata') response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    else response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>Intranet</title></head><body><p>secret wiki</p></body></html>');
  });
});
afterAll(() => server.close());

describe('web.fetch takes its URL from input: the SSRF guard refuses non-public targets', () => {
  const cases = () => [
    [`http://127.0.0.1:${server.port}/page`, 'loopback'],
    ['http://10.0.0.1/admin', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    [`http://[::1]:${server.port}/page`, 'loopback'],
    [`http://2130706433:${server.port}/page`, 'loopback'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
  ] as const;

  it.each([0, 1, 2, 3, 4, 5])('refuses target %i: POLICY_DENIED, exit 3, no request', async (index) => {
    const [url, addressClass] = cases()[index]!;
    const before = server.hits.length;
    const { exitCode, envelope } = await json(['web', 'fetch', url]);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', address_class: addressClass } });
    expect(server.hits.length).toBe(before);
  });

  it('a policy with allow_private_network lets a loopback page through (real sockets)', async () => {
    const policy = withPolicy({ allow_private_network: true });
    for (const url of [`${server.url}/page`, `http://2130706433:${server.port}/page`]) {
      const { exitCode, envelope } = await json(['web', 'fetch', url, '--format', 'text'], policy);
      expect(exitCode, JSON.stringify(envelope)).toBe(0);
      expect(envelope.data).toMatchObject({ final_url: `${server.url}/page`, title: 'Intranet', content: 'secret wiki' });
    }
  });

  it('allow_private_network never opens the metadata address, not even by redirect', async () => {
    const before = server.hits.length;
    const { exitCode, envelope } = await json(['web', 'fetch', `${server.url}/to-metadata`], withPolicy({ allow_private_network: true }));
    expect(exitCode).toBe(3);
    expect(envelope.error.details).toMatchObject({ stage: 'redirect', address_class: 'metadata' });
    expect(server.hits.slice(before)).toEqual(['/to-metadata']);
  });

  // 127.0.0.1 is listed (so reachable); a bare "*" admits any host name but lifts no SSRF refusal.
  it('a redirect from an allowed host to a refused one is refused before the hop is sent', async () => {
    const before = server.hits.length;
    const { exitCode, envelope } = await json(['web', 'fetch', `${server.url}/to-loopback-v6`], withPolicy({ allowed_hosts: ['127.0.0.1', '*'] }));
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', stage: 'redirect', host: '[::1]' } });
    expect(server.hits.slice(before)).toEqual(['/to-loopback-v6']);
  });

  it('the policy\'s blocked_hosts refuse a public host too', async () => {
    const { exitCode, envelope } = await json(['web', 'fetch', 'https://tracker.example.com/'], withPolicy({ blocked_hosts: ['*.example.com'] }));
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'hosts' } });
  });
});
