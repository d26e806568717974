import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();
const SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

describe('pr.list and pr.get', () => {
  it('lists pull requests with GitHub filters', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/pulls`, () => reply(example('pulls/list'))));
    const { exitCode, envelope } = await json(['pr', 'list', '--repo', REPO, '--state', 'closed', '--head', 'octocat:new-topic', '--base', 'master', '--sort', 'long-running', '--direction', 'desc']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ pull_requests: [{ number: 1347, head: { ref: 'new-topic' } }], has_more: false, next_cursor: null });
    expect(await api.sent()).toEqual([{
      method: 'GET',
      url: `/repos/${REPO}/pulls?state=closed&head=octocat%3Anew-topic&base=master&sort=long-running&direction=desc&per_page=30`,
      body: null,
    }]);
  });

  it('gets one pull request', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/pulls/:number`, () => reply(example('pulls/get'))));
    const { envelope } = await json(['pr', 'get', '1347', '--repo', REPO]);
    expect(envelope.data).toMatchObject({ number: 1347, state: 'open', mergeable: true });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/pulls/1347`, body: null }]);
  });
});

describe('pr.create', () => {
  it('opens a pull request with the documented body', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/pulls`, () => reply(example('pulls/create', '201'), { status: 201 })));
    const result = await json(['--mode', 'write', 'pr', 'create', '--repo', REPO, '--title', 'Amazing new feature', '--head', 'octocat:new-feature', '--base', 'master', '--body', 'Please pull these awesome changes in!', '--draft']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ number: 1347 });
    expect(await api.sent()).toEqual([{
      method: 'POST',
      url: `/repos/${REPO}/pulls`,
      body: { title: 'Amazing new feature', head: 'octocat:new-feature', base: 'master', body: 'Please pull these awesome changes in!', draft: true },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'pull_request', id: `${REPO}#1347` }]);
  });

  it('a 422 from GitHub (e.g. no commits between the branches) is VALIDATION_FAILED with GitHub\'s errors', async () => {
    const errors = [{ resource: 'PullRequest', code: 'custom', message: 'No commits between master and new-feature' }];
    api.server.use(http.post(`${API}/repos/:owner/:repo/pulls`, () => githubError(422, 'Validation Failed', { errors })));
    const { exitCode, envelope } = await json(['--mode', 'write', 'pr', 'create', '--repo', REPO, '--title', 't', '--head', 'new-feature', '--base', 'master']);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { http_status: 422, vendor_error: { errors } } });
    expect(envelope.error.message).toContain('Validation Failed: No commits between master and new-feature');
  });
});

describe('pr.merge (admin)', () => {
  it('merges with method, title and the head SHA guard', async () => {
    api.server.use(http.put(`${API}/repos/:owner/:repo/pulls/:number/merge`, () => reply(example('pulls/merge'))));
    const result = await json(['--mode', 'admin', 'pr', 'merge', '1347', '--repo', REPO, '--method', 'squash', '--commit-title', 'Feature (#1347)', '--sha', SHA]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toEqual({ sha: SHA, merged: true, message: 'Pull Request successfully merged' });
    expect(await api.sent()).toEqual([{
      method: 'PUT',
      url: `/repos/${REPO}/pulls/1347/merge`,
      body: { commit_title: 'Feature (#1347)', sha: SHA, merge_method: 'squash' },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'merge', resource: 'pull_request', id: `${REPO}#1347` }]);
  });

  it('is refused in write mode (exit 3) without a request', async () => {
    const { exitCode, envelope } = await json(['--mode', 'write', 'pr', 'merge', '1347', '--repo', REPO]);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: 'admin', actual_mode: 'write' } });
    expect(api.requests).toHaveLength(0);
  });

  it('405 "not mergeable" and 409 "head modified" are CONFLICT (exit 2)', async () => {
    for (const [status, name] of [['405', 'response-if-merge-cannot-be-performed'], ['409', 'response-if-sha-was-provided-and-pull-request-head-did-not-match']] as const) {
      const body = example('pulls/merge', status, name);
      api.server.use(http.put(`${API}/repos/:owner/:repo/pulls/:number/merge`, () => reply(body, { status: Number(status) })));
      const { exitCode, envelope } = await json(['--mode', 'admin', 'pr', 'merge', '1347', '--repo', REPO]);
      expect(exitCode).toBe(2);
      expect(envelope.error).toMatchObject({ code: 'CONFLICT', details: { http_status: Number(status) } });
      expect(envelope.error.message).toContain(body.message);
    }
  });

  it('--dry-run shows the PUT and sends nothing', async () => {
    const { envelope } = await json(['--dry-run', 'pr', 'merge', '1347', '--repo', REPO, '--method', 'rebase']);
    expect(envelope.data.request).toMatchObject({ method: 'PUT', url: `${API}/repos/${REPO}/pulls/1347/merge`, body: { merge_method: 'rebase' } });
    expect(api.requests).toHaveLength(0);
  });
});

describe('pr.review and pr.files', () => {
  it('submits a review', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/pulls/:number/reviews`, () => reply(example('pulls/create-review'))));
    const result = await json(['--mode', 'write', 'pr', 'review', '12', '--repo', REPO, '--event', 'REQUEST_CHANGES', '--body', 'Please add tests', '--commit-id', 'ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ id: 80, state: 'CHANGES_REQUESTED' });
    expect(await api.sent()).toEqual([{
      method: 'POST',
      url: `/repos/${REPO}/pulls/12/reviews`,
      body: { event: 'REQUEST_CHANGES', body: 'Please add tests', commit_id: 'ecdd80bb57125d7ba9641ffaa4d7d2c19d3f3091' },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'pull_request_review', id: `${REPO}#12/80` }]);
  });

  it('rejects an unknown review event before any request', async () => {
    const { exitCode } = await json(['--mode', 'write', 'pr', 'review', '12', '--repo', REPO, '--event', 'LGTM']);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });

  it('lists the changed files', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/pulls/:number/files`, () => reply(example('pulls/list-files'))));
    const { envelope } = await json(['pr', 'files', '1347', '--repo', REPO, '--limit', '100']);
    expect(envelope.data).toMatchObject({ files: [{ filename: 'file1.txt', status: 'added', additions: 103 }], has_more: false });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/pulls/1347/files?per_page=100`, body: null }]);
  });
});

everyRequestIsDocumented(api);
