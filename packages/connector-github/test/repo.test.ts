import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('repo.list', () => {
  it('lists the authenticated user\'s repositories', async () => {
    api.server.use(http.get(`${API}/user/repos`, () => reply(example('repos/list-for-authenticated-user'))));
    const { exitCode, envelope } = await json(['repo', 'list', '--sort', 'pushed', '--direction', 'desc']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ repos: [{ full_name: 'octocat/Hello-World' }], next_cursor: null, has_more: false });
    expect(await api.sent()).toEqual([{ method: 'GET', url: '/user/repos?sort=pushed&direction=desc&per_page=30', body: null }]);
  });

  it('lists a user\'s or an organization\'s repositories', async () => {
    api.server.use(
      http.get(`${API}/users/:user/repos`, () => reply(example('repos/list-for-user'))),
      http.get(`${API}/orgs/:org/repos`, () => reply(example('repos/list-for-org'))),
    );
    await json(['repo', 'list', '--owner', 'octocat', '--limit', '3']);
    await json(['repo', 'list', '--owner', 'github', '--org']);
    expect((await api.sent()).map((r) => r.url)).toEqual(['/users/octocat/repos?per_page=3', '/orgs/github/repos?per_page=30']);
  });
});

describe('repo.get', () => {
  it('gets a repository named positionally', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo`, () => reply(example('repos/get'))));
    const { envelope } = await json(['repo', 'get', REPO]);
    expect(envelope.data).toMatchObject({ full_name: 'octocat/Hello-World', default_branch: 'master' });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}`, body: null }]);
  });

  it('defaults to GITHUB_OWNER/GITHUB_REPO', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo`, () => reply(example('repos/get'))));
    await json(['repo', 'get'], { GITHUB_OWNER: 'octocat', GITHUB_REPO: 'Hello-World' });
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}`);
  });
});

everyRequestIsDocumented(api);
