import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '@aos-connectors/testing';
import { FEEDS, fixture, json, withPolicy, xml } from './support.js';

const api = useMockApi();

describe('feed.read: conditional GET', () => {
  it('sends the validators of the previous read; a 304 is not_modified with no items', async () => {
    api.server.use(http.get(`${FEEDS}/rss2.xml`, ({ request }) =>
      request.headers.get('if-none-match') === '"v1"' ? new HttpResponse(null, { status: 304, headers: { etag: '"v1"' } }) : xml(fixture('rss2.xml'))));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/rss2.xml`, '--etag', '"v1"', '--last-modified', 'Tue, 10 Jun 2003 09:41:01 GMT']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({
      url: `${FEEDS}/rss2.xml`, final_url: `${FEEDS}/rss2.xml`, moved_to: null, status: 304,
      etag: '"v1"', last_modified: 'Tue, 10 Jun 2003 09:41:01 GMT',
      not_modified: true, feed: null, items: [], total_items: null, has_more: false,
    });
    expect(api.requests[0]!.headers.get('if-modified-since')).toBe('Tue, 10 Jun 2003 09:41:01 GMT');
  });

  it('a changed feed answers 200 with the new validators', async () => {
    api.server.use(http.get(`${FEEDS}/rss2.xml`, () => xml(fixture('rss2.xml'), { etag: '"v2"' })));
    const { envelope } = await json(['feed', 'read', `${FEEDS}/rss2.xml`, '--etag', '"v1"']);
    expect(envelope.data).toMatchObject({ status: 200, not_modified: false, etag: '"v2"', last_modified: null, total_items: 3 });
  });
});

describe('feed.read: failures', () => {
  it('410 Gone → NOT_FOUND (exit 6) saying the feed is gone for good', async () => {
    api.server.use(http.get(`${FEEDS}/old.xml`, () => new HttpResponse('<html><body>Gone</body></html>', { status: 410, headers: { 'content-type': 'text/html' } })));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/old.xml`]);
    expect(exitCode).toBe(6);
    expect(envelope.error).toEqual({
      code: 'NOT_FOUND',
      message: `The feed at ${FEEDS}/old.xml is gone (HTTP 410): the publisher removed it for good`,
      details: { http_status: 410, retryable: false, url: `${FEEDS}/old.xml`, gone: true },
    });
  });

  it('404 → NOT_FOUND (exit 6)', async () => {
    api.server.use(http.get(`${FEEDS}/nope.xml`, () => new HttpResponse('Not Found', { status: 404 })));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/nope.xml`]);
    expect(exitCode).toBe(6);
    expect(envelope.error.message).toBe('GET /nope.xml was not found (HTTP 404): Not Found');
  });

  it('malformed XML → BACKEND_UNAVAILABLE (exit 5) naming line and column', async () => {
    api.server.use(http.get(`${FEEDS}/broken.xml`, () => xml('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>\n<item><title>a</item></channel></rss>')));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/broken.xml`]);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { line: 3, retryable: false } });
    expect(envelope.error.message).toMatch(/^The feed at https:\/\/feeds\.example\.com\/broken\.xml is not well-formed XML \(line 3, column \d+: .+\)$/);
  });

  it('an empty body is not a feed either', async () => {
    api.server.use(http.get(`${FEEDS}/empty.xml`, () => xml('')));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/empty.xml`]);
    expect(exitCode).toBe(5);
    expect(envelope.error.code).toBe('BACKEND_UNAVAILABLE');
  });

  it('a response over max_response_size_mb → BACKEND_UNAVAILABLE, the body not held', async () => {
    const big = `<rss version="2.0"><channel>${'<item><title>x</title></item>'.repeat(80_000)}</channel></rss>`;
    api.server.use(http.get(`${FEEDS}/big.xml`, () => xml(big)));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/big.xml`], withPolicy({ max_response_size_mb: 1 }));
    expect(exitCode).toBe(5);
    expect(envelope.error.message).toMatch(/larger than the 1 MB cap/);
  });

  it('--timeout-ms bounds a feed that never answers (TIMEOUT, exit 5)', async () => {
    api.server.use(http.get(`${FEEDS}/slow.xml`, async () => {
      await delay(10_000);
      return xml(fixture('rss2.xml'));
    }));
    const started = Date.now();
    const { exitCode, envelope } = await json(['--timeout-ms', '300', 'feed', 'read', `${FEEDS}/slow.xml`]);
    expect(exitCode).toBe(5);
    expect(envelope.error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a non-http URL is a usage error (exit 2), sent nowhere', async () => {
    const { exitCode, envelope } = await json(['feed', 'read', 'file:///etc/passwd']);
    expect(exitCode).toBe(2);
    expect(envelope.error.code).toBe('INVALID_USAGE');
    expect(api.requests).toHaveLength(0);
  });

  it('no URL and no RSS_FEED_URL → CONFIG_ERROR (exit 4)', async () => {
    const { exitCode, envelope } = await json(['feed', 'read']);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'CONFIG_ERROR', message: 'RSS_FEED_URL is not set' });
  });
});

describe('feed.read: redirects', () => {
  it('are followed; the final URL is reported and relative links resolve against it', async () => {
    api.server.use(
      http.get(`${FEEDS}/old/rss2.xml`, () => new HttpResponse(null, { status: 301, headers: { location: 'https://cdn.example.net/feeds/rss2.xml' } })),
      http.get('https://cdn.example.net/feeds/rss2.xml', () => xml(fixture('rss2.xml'))),
    );
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/old/rss2.xml`]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({
      url: `${FEEDS}/old/rss2.xml`,
      final_url: 'https://cdn.example.net/feeds/rss2.xml',
      moved_to: 'https://cdn.example.net/feeds/rss2.xml',
      status: 200,
    });
    expect(envelope.data.items[2].link).toBe('https://cdn.example.net/news/2003/news-VASIMR.asp');
    expect(api.requests.map((r) => r.url)).toEqual([`${FEEDS}/old/rss2.xml`, 'https://cdn.example.net/feeds/rss2.xml']);
  });

  it('to a metadata address is refused (POLICY_DENIED, exit 3) before that hop is sent', async () => {
    api.server.use(http.get(`${FEEDS}/evil.xml`, () => new HttpResponse(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } })));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/evil.xml`]);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', stage: 'redirect', address_class: 'metadata' } });
    expect(api.requests.map((r) => r.url)).toEqual([`${FEEDS}/evil.xml`]);
  });

  it('to a host the policy blocks is refused too', async () => {
    api.server.use(http.get(`${FEEDS}/away.xml`, () => new HttpResponse(null, { status: 302, headers: { location: 'https://tracker.example.org/feed' } })));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/away.xml`], withPolicy({ blocked_hosts: ['*.example.org'] }));
    expect(exitCode).toBe(3);
    expect(envelope.error.code).toBe('POLICY_DENIED');
    expect(api.requests).toHaveLength(1);
  });
});
