import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('label.list', () => {
  it('lists the labels of a repository', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/labels`, () => reply(example('issues/list-labels-for-repo'))));
    const { exitCode, envelope } = await json(['label', 'list', '--repo', REPO]);
    expect(exitCode).toBe(0);
    expect(envelope.data.labels.map((l: { name: string }) => l.name)).toEqual(['bug', 'enhancement']);
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/labels?per_page=30`, body: null }]);
  });
});

describe('label.add', () => {
  it('adds labels given as positionals, as {labels: [...]}', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/issues/:number/labels`, () => reply(example('issues/add-labels'))));
    const result = await json(['--mode', 'write', 'label', 'add', '1347', 'bug', 'enhancement', '--repo', REPO]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data.labels.map((l: { name: string }) => l.name)).toEqual(['bug', 'enhancement']);
    expect(await api.sent()).toEqual([{ method: 'POST', url: `/repos/${REPO}/issues/1347/labels`, body: { labels: ['bug', 'enhancement'] } }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'update', resource: 'issue', id: `${REPO}#1347` }]);
  });

  it('accepts --labels too (repeatable, comma-separated)', async () => {
    const { envelope } = await json(['--dry-run', 'label', 'add', '7', '--labels', 'bug,ui', '--labels', 'p1', '--repo', REPO]);
    expect(envelope.data.request).toMatchObject({ method: 'POST', url: `${API}/repos/${REPO}/issues/7/labels`, body: { labels: ['bug', 'ui', 'p1'] } });
  });

  it('needs at least one label', async () => {
    const { exitCode } = await json(['--mode', 'write', 'label', 'add', '7', '--repo', REPO]);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});

everyRequestIsDocumented(api);
