import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { healthSchema } from '@aos-connectors/core';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();
const health = async (env: Record<string, string | undefined> = {}) => {
  const result = await json(['health'], env);
  return { ...result, data: healthSchema.parse(result.envelope.data) };
};

describe('user.me', () => {
  it('shows the authenticated user', async () => {
    api.server.use(http.get(`${API}/user`, () => reply(example('users/get-authenticated'))));
    const { exitCode, envelope } = await json(['user', 'me']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ login: 'octocat', id: 1 });
    expect(await api.sent()).toEqual([{ method: 'GET', url: '/user', body: null }]);
  });
});

describe('health', () => {
  it('without a token: needs_setup, and no request at all', async () => {
    const { exitCode, data } = await health({ GITHUB_TOKEN: undefined });
    expect(exitCode).toBe(0);
    expect(data).toMatchObject({ status: 'needs_setup', ready: false, checks: [{ name: 'credentials', ok: false, detail: 'GITHUB_TOKEN not set' }] });
    expect(data.next_steps.join(' ')).toContain('https://github.com/settings/tokens');
    expect(api.requests).toHaveLength(0);
  });

  it('with a token: one GET /user → healthy, "authenticated as <login>"', async () => {
    api.server.use(http.get(`${API}/user`, () => reply(example('users/get-authenticated'))));
    const { exitCode, data } = await health();
    expect(exitCode).toBe(0);
    expect(data).toMatchObject({
      status: 'healthy',
      ready: true,
      checks: [{ name: 'credentials', ok: true, detail: 'GITHUB_TOKEN from GITHUB_TOKEN' }, { name: 'api', ok: true, detail: 'authenticated as octocat' }],
    });
    expect(await api.sent()).toEqual([{ method: 'GET', url: '/user', body: null }]);
  });

  it('a rejected token (401): status error, explained, still exit 0', async () => {
    api.server.use(http.get(`${API}/user`, () => githubError(401, 'Bad credentials')));
    const { exitCode, data } = await health();
    expect(exitCode).toBe(0);
    expect(data.status).toBe('error');
    expect(data.ready).toBe(false);
    expect(data.checks[0]).toMatchObject({ name: 'credentials', ok: false });
    expect(data.checks[0]!.detail).toContain('Bad credentials');
    expect(data.next_steps[0]).toMatch(/GITHUB_TOKEN is valid/);
  });

  it('rate limited: degraded', async () => {
    api.server.use(http.get(`${API}/user`, () => githubError(403, 'You have exceeded a secondary rate limit.')));
    const { data } = await health();
    expect(data.status).toBe('degraded');
    expect(data.checks[1]!.detail).toMatch(/^RATE_LIMITED/);
  });
});

everyRequestIsDocumented(api);
