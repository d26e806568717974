import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('search.issues', () => {
  it('searches with q, sort and order and returns the items of {total_count, incomplete_results, items}', async () => {
    api.server.use(http.get(`${API}/search/issues`, () => reply(example('search/issues-and-pull-requests'))));
    const result = await json(['--verbose', 'search', 'issues', 'windows label:bug language:python state:open', '--sort', 'created', '--order', 'asc']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ items: [{ number: 132, title: 'Line Number Indexes Beyond 20 Not Displayed' }], has_more: false });
    expect(await api.sent()).toEqual([{
      method: 'GET',
      url: '/search/issues?q=windows+label%3Abug+language%3Apython+state%3Aopen&sort=created&order=asc&per_page=30',
      body: null,
    }]);
    expect(result.stderr).toContain('search: 280 results');
  });

  it('--repo adds a repo: qualifier (and GITHUB_OWNER/GITHUB_REPO do not)', async () => {
    api.server.use(http.get(`${API}/search/issues`, () => reply(example('search/issues-and-pull-requests'))));
    await json(['search', 'issues', 'is:open', '--repo', 'octocat/Hello-World'], { GITHUB_OWNER: 'x', GITHUB_REPO: 'y' });
    await json(['search', 'issues', 'is:open'], { GITHUB_OWNER: 'x', GITHUB_REPO: 'y' });
    expect((await api.sent()).map((r) => new URL(r.url, API).searchParams.get('q'))).toEqual(['is:open repo:octocat/Hello-World', 'is:open']);
  });

  it('needs a query', async () => {
    const { exitCode } = await json(['search', 'issues']);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});

everyRequestIsDocumented(api);
