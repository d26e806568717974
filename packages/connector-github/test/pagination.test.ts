import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { runConnector } from '@aos-connectors/core';
import github from '../src/connector.js';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, json, paginated, REPO, TOKEN, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

/** `n` labels shaped like the documented one, told apart by id and name. */
const labels = (n: number) => {
  const [label] = example('issues/list-labels-for-repo');
  return Array.from({ length: n }, (_, i) => ({ ...label, id: i + 1, name: `label-${i + 1}` }));
};
const names = (envelope: { data: { labels: { name: string }[] } }) => envelope.data.labels.map((l) => l.name);
const urls = async () => (await api.sent()).map((r) => r.url);

describe('Link-header pagination behind --limit, --cursor and --all', () => {
  it('--limit beyond one page follows rel="next" until it has enough (per_page up to 100)', async () => {
    api.server.use(paginated(`/repos/${REPO}/labels`, labels(250)));
    const { envelope } = await json(['label', 'list', '--repo', REPO, '--limit', '250']);
    expect(names(envelope)).toHaveLength(250);
    expect(names(envelope).at(-1)).toBe('label-250');
    expect(envelope.data).toMatchObject({ next_cursor: null, has_more: false });
    expect(await urls()).toEqual([
      `/repos/${REPO}/labels?per_page=100`,
      `/repos/${REPO}/labels?per_page=100&page=2`,
      `/repos/${REPO}/labels?per_page=100&page=3`,
    ]);
  });

  it('a short --limit stops early with a cursor that resumes where it stopped', async () => {
    api.server.use(paginated(`/repos/${REPO}/labels`, labels(12)));
    const first = await json(['label', 'list', '--repo', REPO, '--limit', '5']);
    expect(names(first.envelope)).toEqual(['label-1', 'label-2', 'label-3', 'label-4', 'label-5']);
    expect(first.envelope.data).toMatchObject({ has_more: true, next_cursor: `aos-link:repos/${REPO}/labels?per_page=5&page=2` });
    const second = await json(['label', 'list', '--repo', REPO, '--limit', '5', '--cursor', first.envelope.data.next_cursor]);
    expect(names(second.envelope)).toEqual(['label-6', 'label-7', 'label-8', 'label-9', 'label-10']);
    const third = await json(['label', 'list', '--repo', REPO, '--cursor', second.envelope.data.next_cursor]);
    expect(names(third.envelope)).toEqual(['label-11', 'label-12']);
    expect(third.envelope.data).toMatchObject({ has_more: false, next_cursor: null });
  });

  it('follows Link URLs that name the repository by id, as GitHub sends them', async () => {
    api.server.use(
      paginated(`/repos/${REPO}/labels`, labels(4), { linkPath: '/repositories/1296269/labels' }),
      paginated('/repositories/1296269/labels', labels(4)),
    );
    const { envelope } = await json(['label', 'list', '--repo', REPO, '--limit', '2']);
    expect(envelope.data.next_cursor).toBe('aos-link:repositories/1296269/labels?per_page=2&page=2');
    const next = await json(['label', 'list', '--repo', REPO, '--cursor', envelope.data.next_cursor]);
    expect(names(next.envelope)).toEqual(['label-3', 'label-4']);
  });

  it('refuses a --cursor that points at another host, before any request', async () => {
    const { exitCode, envelope } = await json(['label', 'list', '--repo', REPO, '--cursor', 'https://evil.example.com/repos/x/y/labels?page=2']);
    expect(exitCode).toBe(2);
    expect(envelope.error.code).toBe('INVALID_USAGE');
    expect(api.requests).toHaveLength(0);
  });

  it('--all streams each page as it arrives, in one envelope', async () => {
    const events: string[] = [];
    api.server.use(paginated(`/repos/${REPO}/labels`, labels(230), { onPage: (page) => events.push(`GET page ${page}`) }));
    let stdout = '';
    const exitCode = await runConnector(github, {
      argv: ['--json', 'label', 'list', '--repo', REPO, '--all'],
      env: { GITHUB_TOKEN: TOKEN, AOS_AUDIT: 'off' },
      stdout: { write: (text) => void ((stdout += text), events.push(`write ${(text.match(/"name":"label-/g) ?? []).length}`)) },
      stderr: { write: () => {} },
    });
    expect(exitCode).toBe(0);
    const itemWrites = (from: number, to: number) => events.slice(from, to).filter((e) => e.startsWith('write')).reduce((n, e) => n + Number(e.split(' ')[1]), 0);
    const pages = ['GET page 1', 'GET page 2', 'GET page 3'].map((e) => events.indexOf(e));
    expect(pages.every((i) => i >= 0)).toBe(true);
    expect(itemWrites(pages[0]!, pages[1]!)).toBe(100); // page 1 is on stdout before page 2 is asked for
    expect(itemWrites(pages[1]!, pages[2]!)).toBe(100);
    const envelope = JSON.parse(stdout);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(envelope).toMatchObject({ ok: true, command: 'label.list', data: { next_cursor: null, has_more: false } });
    expect(envelope.data.labels).toHaveLength(230);
  });

  it('--all that fails midway keeps the pages it has and the cursor to resume from', async () => {
    api.server.use(
      http.get(`${API}/repos/${REPO}/labels`, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '3' ? Response.json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }, { status: 401 }) : undefined),
      paginated(`/repos/${REPO}/labels`, labels(250)),
    );
    const { exitCode, envelope } = await json(['label', 'list', '--repo', REPO, '--all']);
    expect(exitCode).toBe(4);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' }, data: { has_more: true, next_cursor: `aos-link:repos/${REPO}/labels?per_page=100&page=3` } });
    expect(envelope.data.labels).toHaveLength(200);
  });
});

describe('wrapped and filtered pages', () => {
  it('search.issues reads `items` from {total_count, incomplete_results, items} across pages', async () => {
    const page = example('search/issues-and-pull-requests');
    const found = Array.from({ length: 7 }, (_, i) => ({ ...page.items[0], id: i + 1, number: i + 1 }));
    api.server.use(paginated('/search/issues', found, { wrap: (items) => ({ ...page, total_count: found.length, items }) }));
    const { envelope } = await json(['search', 'issues', 'is:open', '--limit', '7']);
    expect(envelope.data.items.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await urls()).toEqual(['/search/issues?q=is%3Aopen&per_page=7']);
    const paged = await json(['search', 'issues', 'is:open', '--all']);
    expect(paged.envelope.data.items).toHaveLength(7);
  });

  it('actions.list_runs reads `workflow_runs` from {total_count, workflow_runs} across pages', async () => {
    const page = example('actions/list-workflow-runs-for-repo');
    const runs = Array.from({ length: 5 }, (_, i) => ({ ...page.workflow_runs[0], id: i + 1 }));
    api.server.use(paginated(`/repos/${REPO}/actions/runs`, runs, { wrap: (items) => ({ total_count: runs.length, workflow_runs: items }) }));
    const first = await json(['actions', 'list-runs', '--repo', REPO, '--limit', '2']);
    expect(first.envelope.data.workflow_runs.map((r: { id: number }) => r.id)).toEqual([1, 2]);
    const rest = await json(['actions', 'list-runs', '--repo', REPO, '--cursor', first.envelope.data.next_cursor, '--all']);
    expect(rest.envelope.data.workflow_runs.map((r: { id: number }) => r.id)).toEqual([3, 4, 5]);
  });

  it('issue.list reads on past pages thinned by dropped pull requests', async () => {
    const [pr] = example('issues/list-for-repo');
    const items = Array.from({ length: 6 }, (_, i) => {
      const item = { ...structuredClone(pr), id: i + 1, number: i + 1 };
      if (i % 2 === 0) delete item.pull_request; // 1, 3, 5 are issues; 2, 4, 6 are pull requests
      return item;
    });
    api.server.use(paginated(`/repos/${REPO}/issues`, items));
    const { envelope } = await json(['issue', 'list', '--repo', REPO, '--limit', '2']);
    expect(envelope.data.issues.map((i: { number: number }) => i.number)).toEqual([1, 3]);
    expect(await urls()).toEqual([`/repos/${REPO}/issues?per_page=2`, `/repos/${REPO}/issues?per_page=2&page=2`]);
  });
});

everyRequestIsDocumented(api);
