import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

/** The documented list item is a pull request (it has `pull_request`); without that key it is a plain issue. */
function issueAndPr() {
  const [pr] = example('issues/list-for-repo');
  const issue = structuredClone(pr);
  delete issue.pull_request;
  issue.number = 1348;
  issue.id = 2;
  return [issue, pr];
}

describe('issue.list', () => {
  it('lists issues with every filter as GitHub names it, and drops pull requests', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/issues`, () => reply(issueAndPr())));
    const { exitCode, envelope } = await json([
      'issue', 'list', '--repo', REPO, '--state', 'all', '--labels', 'bug,ui', '--assignee', 'octocat', '--creator', 'hubot',
      '--mentioned', 'monalisa', '--milestone', '3', '--sort', 'updated', '--direction', 'asc', '--since', '2011-04-10T20:09:31Z', '--limit', '10',
    ]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ next_cursor: null, has_more: false });
    expect(envelope.data.issues.map((i: { number: number }) => i.number)).toEqual([1348]);
    expect(await api.sent()).toEqual([{
      method: 'GET',
      url: `/repos/${REPO}/issues?state=all&labels=bug%2Cui&assignee=octocat&creator=hubot&mentioned=monalisa&milestone=3&sort=updated&direction=asc&since=2011-04-10T20%3A09%3A31Z&per_page=10`,
      body: null,
    }]);
  });

  it('keeps pull requests with --include-prs, and takes the repository from GITHUB_OWNER/GITHUB_REPO', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/issues`, () => reply(issueAndPr())));
    const { envelope } = await json(['issue', 'list', '--include-prs'], { GITHUB_OWNER: 'octocat', GITHUB_REPO: 'Hello-World' });
    expect(envelope.data.issues.map((i: { number: number }) => i.number)).toEqual([1348, 1347]);
    expect((await api.sent())[0]!.url).toBe(`/repos/${REPO}/issues?per_page=30`);
  });

  it('refuses to guess a repository: no --repo and no GITHUB_OWNER/GITHUB_REPO is a usage error, sent nowhere', async () => {
    const { exitCode, envelope } = await json(['issue', 'list']);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({ code: 'INVALID_USAGE' });
    expect(envelope.error.message).toMatch(/--repo owner\/name/);
    expect(api.requests).toHaveLength(0);
  });

  it('rejects a malformed --repo before any request', async () => {
    const { exitCode } = await json(['issue', 'list', '--repo', 'not-a-repo']);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});

describe('issue.get', () => {
  it('gets one issue by its positional number', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/issues/:number`, () => reply(example('issues/get'))));
    const { exitCode, envelope } = await json(['issue', 'get', '1347', '--repo', REPO]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ number: 1347, title: 'Found a bug', state: 'open' });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/issues/1347`, body: null }]);
  });

  it('rejects a number that is not a positive integer', async () => {
    const { exitCode, envelope } = await json(['issue', 'get', 'abc', '--repo', REPO]);
    expect(exitCode).toBe(2);
    expect(envelope.error.message).toMatch(/--number/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('issue.create', () => {
  it('posts exactly the given fields and records the side effect', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/issues`, () => reply(example('issues/create', '201'), { status: 201 })));
    const result = await json([
      '--mode', 'write', 'issue', 'create', '--repo', REPO, '--title', 'Found a bug', '--body', "I'm having a problem with this.",
      '--labels', 'bug', '--assignees', 'octocat', '--milestone', '1',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ number: 1347, html_url: 'https://github.com/octocat/Hello-World/issues/1347' });
    expect(await api.sent()).toEqual([{
      method: 'POST',
      url: `/repos/${REPO}/issues`,
      body: { title: 'Found a bug', body: "I'm having a problem with this.", labels: ['bug'], assignees: ['octocat'], milestone: 1 },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'issue', id: `${REPO}#1347` }]);
  });

  it('--dry-run shows the exact request, in any mode, and sends nothing', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'issue', 'create', '--repo', REPO, '--title', 'Found a bug', '--labels', 'bug,ui']);
    expect(exitCode).toBe(0);
    expect(envelope.meta.dry_run).toBe(true);
    expect(envelope.data.request).toEqual({
      method: 'POST',
      url: `${API}/repos/${REPO}/issues`,
      headers: expect.objectContaining({ authorization: '[REDACTED]', accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'content-type': 'application/json' }),
      body: { title: 'Found a bug', labels: ['bug', 'ui'] },
    });
    expect(api.requests).toHaveLength(0);
  });
});

describe('issue.update', () => {
  it('patches only the given fields', async () => {
    api.server.use(http.patch(`${API}/repos/:owner/:repo/issues/:number`, () => reply(example('issues/update'))));
    const result = await json(['--mode', 'write', 'issue', 'update', '1347', '--repo', REPO, '--state', 'closed', '--state-reason', 'completed']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ number: 1347 });
    expect(await api.sent()).toEqual([{ method: 'PATCH', url: `/repos/${REPO}/issues/1347`, body: { state: 'closed', state_reason: 'completed' } }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'update', resource: 'issue', id: `${REPO}#1347` }]);
  });

  it('with nothing to change is a usage error and sends nothing', async () => {
    const { exitCode, envelope } = await json(['--mode', 'write', 'issue', 'update', '1347', '--repo', REPO]);
    expect(exitCode).toBe(2);
    expect(envelope.error.code).toBe('INVALID_USAGE');
    expect(api.requests).toHaveLength(0);
  });
});

describe('issue.comment and issue.comments', () => {
  it('comments on an issue', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/issues/:number/comments`, () => reply(example('issues/create-comment', '201'), { status: 201 })));
    const result = await json(['--mode', 'write', 'issue', 'comment', '1347', '--repo', REPO, '--body', 'Me too']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ id: 1, body: 'Me too' });
    expect(await api.sent()).toEqual([{ method: 'POST', url: `/repos/${REPO}/issues/1347/comments`, body: { body: 'Me too' } }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'issue_comment', id: `${REPO}#1347/1` }]);
  });

  it('lists the comments of an issue', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/issues/:number/comments`, () => reply(example('issues/list-comments'))));
    const { exitCode, envelope } = await json(['issue', 'comments', '1347', '--repo', REPO, '--since', '2011-04-14T16:00:49Z']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ comments: [{ id: 1, body: 'Me too' }], next_cursor: null, has_more: false });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/issues/1347/comments?since=2011-04-14T16%3A00%3A49Z&per_page=30`, body: null }]);
  });
});

everyRequestIsDocumented(api);
