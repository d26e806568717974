import { http, HttpResponse } from 'msw';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { command, defineConnector, retryAfterSeconds } from '@aos-connectors/core';
import { runCli, useMockApi } from '../../src/index.js';

const API = 'https://api.details.test';
const api = useMockApi();

const probe = defineConnector({
  tool: 'aos-details',
  root: new URL('../fixture/', import.meta.url),
  backend: 'details',
  label: 'Details',
  category: 'testing',
  auth: { kind: 'none', required: false, interactive_setup: [] },
  secrets: [],
  settings: [
    { name: 'DETAILS_API_URL', default: API, description: 'base' },
    { name: 'ENGINE_A', description: 'one backend' },
    { name: 'ENGINE_B', description: 'another backend' },
  ],
  http: { baseUrl: { setting: 'DETAILS_API_URL', default: API } },
  commands: [
    command({
      id: 'page.get',
      summary: 'Fetch a page as text, reporting redirects',
      resource: 'page',
      action: 'read',
      risk: 1,
      input: z.object({ path: z.string() }),
      requires: [['ENGINE_A', 'ENGINE_B']],
      run: async ({ path }, { http: client }) => {
        const response = await client.request<string>('GET', path, { responseType: 'text' });
        return { text: response.data, url: response.url, redirects: response.redirects };
      },
    }),
  ],
});

describe('HTTP details', () => {
  it('reports the redirect hops and the final URL', async () => {
    api.server.use(
      http.get(`${API}/old`, () => new HttpResponse(null, { status: 301, headers: { location: '/new' } })),
      http.get(`${API}/new`, () => HttpResponse.text('here')),
    );
    const result = await runCli(probe, ['--json', 'page', 'get', '--path', '/old']);
    expect(result.json().data).toEqual({ text: 'here', url: `${API}/new`, redirects: [{ status: 301, url: `${API}/old` }] });
  });

  it('decodes the body in the charset the response declares', async () => {
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
    api.server.use(http.get(`${API}/latin`, () => new HttpResponse(latin1, { headers: { 'content-type': 'text/plain; charset=ISO-8859-1' } })));
    const result = await runCli(probe, ['--json', 'page', 'get', '--path', '/latin']);
    expect(result.json().data.text).toBe('café');
  });

  it('doctor treats a "one of" requirement as met by either setting', async () => {
    const none = (await runCli(probe, ['--json', 'doctor'])).json().data;
    expect(none.commands['page.get']).toEqual({ ready: false, missing: ['ENGINE_A or ENGINE_B'] });
    const one = (await runCli(probe, ['--json', 'doctor'], { ENGINE_B: 'x' })).json().data;
    expect(one.commands['page.get']).toEqual({ ready: true, missing: [] });
  });

  it('reads the wait of an exhausted window from comma-separated rate-limit headers', () => {
    const headers = new Headers({ 'x-ratelimit-remaining': '0, 1500', 'x-ratelimit-reset': '1, 1419704' });
    expect(retryAfterSeconds(headers)).toBe(1);
    const monthly = new Headers({ 'x-ratelimit-remaining': '3, 0', 'x-ratelimit-reset': '1, 86400' });
    expect(retryAfterSeconds(monthly)).toBe(86400);
    expect(retryAfterSeconds(new Headers({ 'retry-after': '7' }))).toBe(7);
  });
});
