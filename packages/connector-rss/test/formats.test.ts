import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '@aos-connectors/testing';
import { FEEDS, fixture, json, xml } from './support.js';

const api = useMockApi();
const serve = (path: string, body: string, headers: Record<string, string> = {}) =>
  api.server.use(http.get(`${FEEDS}${path}`, () => xml(body, headers)));

describe('feed.read: RSS 2.0', () => {
  it('normalizes items, resolves relative links, strips markup and keeps guid as id', async () => {
    serve('/rss2.xml', fixture('rss2.xml'), { etag: '"v1"', 'last-modified': 'Tue, 10 Jun 2003 09:41:01 GMT' });
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/rss2.xml`]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({
      url: `${FEEDS}/rss2.xml`,
      final_url: `${FEEDS}/rss2.xml`,
      moved_to: null,
      status: 200,
      not_modified: false,
      etag: '"v1"',
      last_modified: 'Tue, 10 Jun 2003 09:41:01 GMT',
      total_items: 3,
      has_more: false,
      feed: { format: 'rss2', title: 'Liftoff News', link: 'http://liftoff.msfc.nasa.gov/', language: 'en-us', updated: '2003-06-10T09:41:01.000Z' },
    });
    const [star, eclipse, engine] = envelope.data.items;
    expect(star).toEqual({
      id: 'http://liftoff.msfc.nasa.gov/2003/06/03.html#item573',
      title: 'Star City',
      link: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp',
      published: '2003-06-03T09:39:21.000Z',
      updated: null,
      author: 'jdoe@example.com (John Doe)',
      summary: "How do Americans get ready to work with Russians aboard the International Space Station? They take a crash course in culture, language and protocol at Russia's Star City.",
    });
    expect(eclipse).toMatchObject({ id: 'urn:uuid:4f2e7a1c-eclipse', title: null, link: null, author: 'Jane Roe' });
    expect(eclipse.summary).toBe('Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a partial eclipse of the Sun on Saturday, May 31st.');
    expect(engine).toMatchObject({ title: 'The Engine That Does More & More', link: 'https://feeds.example.com/news/2003/news-VASIMR.asp', summary: 'Before man travels to Mars, NASA hopes to design new engines.' });
    expect(engine.id).toBe(engine.link);
  });

  it('--limit bounds the items and says there are more', async () => {
    serve('/rss2.xml', fixture('rss2.xml'));
    const { envelope } = await json(['feed', 'read', `${FEEDS}/rss2.xml`, '--limit', '1']);
    expect(envelope.data.items).toHaveLength(1);
    expect(envelope.data).toMatchObject({ total_items: 3, has_more: true });
  });

  it('asks for feed media types', async () => {
    serve('/rss2.xml', fixture('rss2.xml'));
    await json(['feed', 'read', `${FEEDS}/rss2.xml`]);
    expect(api.requests[0]!.headers.get('accept')).toMatch(/^application\/rss\+xml, application\/atom\+xml/);
    expect(api.requests[0]!.headers.get('user-agent')).toMatch(/^aos-rss\//);
  });
});

describe('feed.read: Atom 1.0', () => {
  it('takes the alternate link, published (or updated), author names and xhtml content as text', async () => {
    serve('/atom.xml', fixture('atom.xml'));
    const { envelope } = await json(['feed', 'read', `${FEEDS}/atom.xml`]);
    expect(envelope.data.feed).toEqual({
      format: 'atom1', title: 'dive into mark', link: 'http://example.org/',
      description: 'A lot of effort went into making this effortless', language: 'en', updated: '2005-07-31T12:29:29.000Z',
    });
    expect(envelope.data.items).toEqual([
      {
        id: 'tag:example.org,2003:3.2397', title: 'Atom draft-07 snapshot', link: 'http://example.org/2005/04/02/atom',
        published: '2003-12-13T12:29:29.000Z', updated: '2005-07-31T12:29:29.000Z', author: 'Mark Pilgrim',
        summary: '[Update: The Atom draft is finished.]',
      },
      {
        id: 'tag:example.org,2003:3.2398', title: 'Second entry', link: 'https://feeds.example.com/2005/05/second',
        published: '2005-08-01T08:00:00.000Z', updated: '2005-08-01T08:00:00.000Z', author: 'Feed Author', summary: 'Short summary.',
      },
    ]);
  });
});

describe('feed.read: RSS 1.0 (RDF)', () => {
  it('reads items beside the channel, with Dublin Core dates and creators', async () => {
    serve('/rdf.xml', fixture('rdf.xml'));
    const { envelope } = await json(['feed', 'read', `${FEEDS}/rdf.xml`]);
    expect(envelope.data.feed).toMatchObject({ format: 'rss1', title: 'XML.com', link: 'http://xml.com/pub', updated: '2000-06-05T00:00:00.000Z' });
    expect(envelope.data.items[0]).toEqual({
      id: 'http://xml.com/pub/2000/08/09/xslt/xslt.html', title: 'Processing Inclusions with XSLT', link: 'http://xml.com/pub/2000/08/09/xslt/xslt.html',
      published: '2000-08-09T10:00:00.000Z', updated: null, author: 'Bob DuCharme',
      summary: 'Processing document inclusions with general XML tools can be problematic.',
    });
    expect(envelope.data.items).toHaveLength(2);
  });
});

describe('feed.read: documents that are not feeds', () => {
  it('an HTML page: BACKEND_UNAVAILABLE naming the feeds it links to', async () => {
    const page = '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"><title>Blog</title></head><body>hi</body></html>';
    api.server.use(http.get(`${FEEDS}/blog`, () => new Response(page, { headers: { 'content-type': 'text/html' } })));
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/blog`]);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
      message: `${FEEDS}/blog is an HTML page, not a feed`,
      details: { feeds_linked: [`${FEEDS}/feed.xml`], retryable: false },
    });
  });

  it('XML of another kind', async () => {
    serve('/sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>');
    const { exitCode, envelope } = await json(['feed', 'read', `${FEEDS}/sitemap.xml`]);
    expect(exitCode).toBe(5);
    expect(envelope.error.message).toBe(`${FEEDS}/sitemap.xml is XML but not an RSS, Atom or RDF feed (root element <urlset>)`);
  });
});
