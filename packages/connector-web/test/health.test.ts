import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '@aos-connectors/testing';
import { BRAVE, BRAVE_KEY, json, SEARXNG } from './support.js';

const api = useMockApi();

describe('health', () => {
  it('is healthy with nothing set (web.fetch needs nothing), offline, and says what web.search needs', async () => {
    const { exitCode, envelope } = await json(['health']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ status: 'healthy', checks: [{}, { name: 'api', detail: 'web.fetch ready; web.search needs SEARXNG_URL or BRAVE_SEARCH_API_KEY' }] });
    expect(api.requests).toHaveLength(0);
  });

  it('is healthy when SearXNG answers /config', async () => {
    api.server.use(http.get(`${SEARXNG}/config`, () => HttpResponse.json({ instance_name: 'SearXNG', version: '2025.1.1', categories: ['general'] })));
    const { envelope } = await json(['health'], { SEARXNG_URL: SEARXNG });
    expect(envelope.data).toMatchObject({ status: 'healthy', ready: true, checks: [{}, { detail: 'SearXNG at searx.example.org answers' }] });
  });

  it('is healthy when Brave accepts the key, and error when it refuses it', async () => {
    api.server.use(http.get(`${BRAVE}/res/v1/web/search`, ({ request }) =>
      request.headers.get('x-subscription-token') === BRAVE_KEY
        ? HttpResponse.json({ query: {}, web: { results: [] } })
        : HttpResponse.json({ error: { code: 'SUBSCRIPTION_TOKEN_INVALID', detail: 'The provided subscription token is invalid.' } }, { status: 422 })));
    const ok = await json(['health'], { BRAVE_SEARCH_API_KEY: BRAVE_KEY });
    expect(ok.envelope.data).toMatchObject({ status: 'healthy', checks: [{ detail: 'BRAVE_SEARCH_API_KEY from BRAVE_SEARCH_API_KEY' }, { detail: 'Brave Search (api.search.brave.com) accepted the key' }] });
    const bad = await json(['health'], { BRAVE_SEARCH_API_KEY: 'BSAwrong' });
    expect(bad.exitCode).toBe(0);
    expect(bad.envelope.data).toMatchObject({ status: 'error', ready: false, checks: [{ ok: false }, { ok: false }] });
  });
});
