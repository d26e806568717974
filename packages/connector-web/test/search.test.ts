import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { useMockApi } from '@aos-connectors/testing';
import { BRAVE, BRAVE_KEY, fixtureJson, json, SEARXNG, seen } from './support.js';

const api = useMockApi();
const searxng = { SEARXNG_URL: SEARXNG };
const brave = { BRAVE_SEARCH_API_KEY: BRAVE_KEY };
const params = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

afterAll(() => {
  for (const text of seen()) expect(text).not.toContain(BRAVE_KEY);
});

describe('web.search through SearXNG', () => {
  it('asks /search for JSON and returns {title, url, snippet} under results', async () => {
    api.server.use(http.get(`${SEARXNG}/search`, () => HttpResponse.json(fixtureJson('searxng.json'))));
    const { exitCode, envelope } = await json(['web', 'search', 'rust async runtime', '--limit', '3', '--language', 'en', '--time-range', 'month', '--safesearch', 'strict'], searxng);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({
      results: [
        { title: 'Tokio - An asynchronous Rust runtime', url: 'https://tokio.rs/', snippet: 'Tokio is an asynchronous runtime for the Rust programming language. It provides the building blocks needed for writing network applications.' },
        { title: 'async-std & friends', url: 'https://async.rs/', snippet: 'Async version of the Rust standard library.' },
        { title: 'smol', url: 'https://smol.rs/', snippet: 'A small and fast async runtime.' },
      ],
      next_cursor: '2',
      has_more: true,
      backend: 'searxng',
    });
    expect(params(api.requests[0]!)).toEqual({ q: 'rust async runtime', format: 'json', pageno: '1', language: 'en', time_range: 'month', safesearch: '2' });
    expect(api.requests[0]!.headers.get('accept')).toBe('application/json');
  });

  it('keeps a path prefix of SEARXNG_URL, and pages with the cursor', async () => {
    api.server.use(http.get('https://example.org/searx/search', () => HttpResponse.json({ results: [] })));
    const { envelope } = await json(['web', 'search', 'x', '--cursor', '3'], { SEARXNG_URL: 'https://example.org/searx/' });
    expect(envelope.data).toEqual({ results: [], next_cursor: null, has_more: false, backend: 'searxng' });
    expect(params(api.requests[0]!).pageno).toBe('3');
  });

  it('--limit cuts inside a page and resumes there', async () => {
    api.server.use(http.get(`${SEARXNG}/search`, () => HttpResponse.json(fixtureJson('searxng.json'))));
    const first = await json(['web', 'search', 'rust', '--limit', '2'], searxng);
    expect(first.envelope.data.results.map((r: { url: string }) => r.url)).toEqual(['https://tokio.rs/', 'https://async.rs/']);
    const next = await json(['web', 'search', 'rust', '--limit', '1', '--cursor', first.envelope.data.next_cursor], searxng);
    expect(next.envelope.data.results.map((r: { url: string }) => r.url)).toEqual(['https://smol.rs/']);
  });

  it('a 403 (json format off) is CONFIG_ERROR with the fix', async () => {
    api.server.use(http.get(`${SEARXNG}/search`, () => new HttpResponse('Forbidden', { status: 403 })));
    const { exitCode, envelope } = await json(['web', 'search', 'x'], searxng);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'CONFIG_ERROR', message: 'The SearXNG instance refused the JSON API (HTTP 403)', details: { http_status: 403 } });
  });

  it('wins over Brave when both are set, and never gets the Brave key', async () => {
    api.server.use(http.get(`${SEARXNG}/search`, () => HttpResponse.json(fixtureJson('searxng.json'))));
    const { envelope } = await json(['web', 'search', 'x'], { ...searxng, ...brave });
    expect(envelope.data.backend).toBe('searxng');
    expect(api.requests[0]!.headers.get('x-subscription-token')).toBeNull();
  });
});

describe('web.search through Brave', () => {
  it('sends the key in X-Subscription-Token and maps web.results', async () => {
    api.server.use(http.get(`${BRAVE}/res/v1/web/search`, () => HttpResponse.json(fixtureJson('brave.json'))));
    const { exitCode, envelope } = await json(['web', 'search', 'rust async runtime', '--limit', '2', '--time-range', 'week', '--safesearch', 'off', '--language', 'en'], brave);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({
      results: [
        { title: 'Tokio - An asynchronous Rust runtime', url: 'https://tokio.rs/', snippet: 'Tokio is an asynchronous runtime for the Rust programming language.' },
        { title: "Async Rust: what's a runtime?", url: 'https://rust-lang.github.io/async-book/', snippet: 'The async book explains runtimes, futures and executors.' },
      ],
      next_cursor: '1',
      has_more: true,
      backend: 'brave',
    });
    const request = api.requests[0]!;
    expect(request.headers.get('x-subscription-token')).toBe(BRAVE_KEY);
    expect(params(request)).toEqual({ q: 'rust async runtime', count: '20', offset: '0', search_lang: 'en', freshness: 'pw', safesearch: 'off', text_decorations: 'false' });
  });

  it('stops when Brave has no more results', async () => {
    api.server.use(http.get(`${BRAVE}/res/v1/web/search`, () => HttpResponse.json({ ...fixtureJson('brave.json'), query: { more_results_available: false } })));
    const { envelope } = await json(['web', 'search', 'x', '--cursor', '4'], brave);
    expect(envelope.data).toMatchObject({ next_cursor: null, has_more: false });
    expect(params(api.requests[0]!).offset).toBe('4');
  });

  it('an invalid key (422 SUBSCRIPTION_TOKEN_INVALID) is AUTH_FAILED, exit 4', async () => {
    const body = { type: 'ErrorResponse', error: { id: 'a1b2', status: 422, code: 'SUBSCRIPTION_TOKEN_INVALID', detail: 'The provided subscription token is invalid.', meta: {} }, time: 1718000000 };
    api.server.use(http.get(`${BRAVE}/res/v1/web/search`, () => HttpResponse.json(body, { status: 422 })));
    const { exitCode, envelope } = await json(['web', 'search', 'x'], brave);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'GET /res/v1/web/search was refused (HTTP 422): The provided subscription token is invalid.',
      details: { http_status: 422, vendor_error: body },
    });
  });

  it('429 is RATE_LIMITED with the wait', async () => {
    api.server.use(http.get(`${BRAVE}/res/v1/web/search`, () => HttpResponse.json({ type: 'ErrorResponse', error: { code: 'RATE_LIMITED', detail: 'Request rate limit exceeded' } }, { status: 429, headers: { 'retry-after': '600' } })));
    const { exitCode, envelope } = await json(['--timeout-ms', '2000', 'web', 'search', 'x'], brave);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_s: 600 } });
  });
});

describe('web.search without a backend', () => {
  it('is CONFIG_ERROR naming both settings, and sends nothing', async () => {
    const { exitCode, envelope } = await json(['web', 'search', 'x']);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'CONFIG_ERROR', message: 'web.search needs SEARXNG_URL or BRAVE_SEARCH_API_KEY' });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects an empty query before any request', async () => {
    const { exitCode } = await json(['web', 'search', '  '], searxng);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});
