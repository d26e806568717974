import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '@aos-connectors/core';
import { fixture, json } from './support.js';
import { startLocalServer, type LocalServer } from '@aos-connectors/testing';

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((request, response) =>
    request.url === '/feed.xml' ? response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('rss2.xml')) : response.writeHead(500).end());
});
afterAll(() => server.close());

describe('health', () => {
  it('is healthy with nothing to set up, offline', async () => {
    const { exitCode, envelope } = await json(['health']);
    expect(exitCode).toBe(0);
    expect(healthSchema.parse(envelope.data)).toMatchObject({ status: 'healthy', ready: true, checks: [{ name: 'credentials', detail: 'none needed' }, { name: 'api', detail: 'no RSS_FEED_URL to probe; feed read takes a URL' }] });
    expect(server.hits).toHaveLength(0);
  });

  it('is healthy when the default feed (RSS_FEED_URL) reads', async () => {
    const { envelope } = await json(['health'], { RSS_FEED_URL: `${server.url}/feed.xml` });
    expect(envelope.data).toMatchObject({ status: 'healthy', checks: [{}, { name: 'api', ok: true, detail: 'default feed "Liftoff News" has 3 items' }] });
  });

  it('is degraded when the default feed fails', async () => {
    const { exitCode, envelope } = await json(['health'], { RSS_FEED_URL: `${server.url}/broken` });
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ status: 'degraded', ready: false });
  });
});
