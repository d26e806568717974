import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();
const SHA = 'aa218f56b14c9653891f9e74264a383fa43fefbd';
const gitRef = (ref: string) => ({ ...example('git/get-ref'), ref });

describe('branch.list', () => {
  it('lists branches, only protected ones with --protected', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/branches`, () => reply(example('repos/list-branches'))));
    const { exitCode, envelope } = await json(['branch', 'list', '--repo', REPO, '--protected']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ branches: [{ name: 'master', protected: true }], has_more: false });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/branches?protected=true&per_page=30`, body: null }]);
  });
});

describe('branch.create', () => {
  it('from an explicit SHA: one POST of refs/heads/<name>', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/git/refs`, () => reply(example('git/create-ref', '201'), { status: 201 })));
    const result = await json(['--mode', 'write', 'branch', 'create', 'featureA', '--repo', REPO, '--sha', SHA]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toMatchObject({ ref: 'refs/heads/featureA', object: { sha: SHA } });
    expect(await api.sent()).toEqual([{ method: 'POST', url: `/repos/${REPO}/git/refs`, body: { ref: 'refs/heads/featureA', sha: SHA } }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'create', resource: 'branch', id: `${REPO}:featureA` }]);
  });

  it('from another branch: reads its head, then creates the ref', async () => {
    api.server.use(
      http.get(`${API}/repos/:owner/:repo/git/ref/heads/*`, () => reply(gitRef('refs/heads/release/1.x'))),
      http.post(`${API}/repos/:owner/:repo/git/refs`, () => reply(example('git/create-ref', '201'), { status: 201 })),
    );
    const { exitCode } = await json(['--mode', 'write', 'branch', 'create', 'fix/crash', '--repo', REPO, '--from', 'release/1.x']);
    expect(exitCode).toBe(0);
    expect(await api.sent()).toEqual([
      { method: 'GET', url: `/repos/${REPO}/git/ref/heads/release/1.x`, body: null },
      { method: 'POST', url: `/repos/${REPO}/git/refs`, body: { ref: 'refs/heads/fix/crash', sha: SHA } },
    ]);
  });

  it('from the default branch when neither --from nor --sha is given', async () => {
    api.server.use(
      http.get(`${API}/repos/:owner/:repo`, () => reply(example('repos/get'))),
      http.get(`${API}/repos/:owner/:repo/git/ref/heads/*`, () => reply(gitRef('refs/heads/master'))),
      http.post(`${API}/repos/:owner/:repo/git/refs`, () => reply(example('git/create-ref', '201'), { status: 201 })),
    );
    const { exitCode } = await json(['--mode', 'write', 'branch', 'create', 'featureA', '--repo', REPO]);
    expect(exitCode).toBe(0);
    expect((await api.sent()).map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /repos/${REPO}`,
      `GET /repos/${REPO}/git/ref/heads/master`,
      `POST /repos/${REPO}/git/refs`,
    ]);
  });

  it('--dry-run sends nothing, not even the lookup, and names the SHA it would use', async () => {
    const { envelope } = await json(['--dry-run', 'branch', 'create', 'featureA', '--repo', REPO, '--from', 'main']);
    expect(envelope.data.request).toMatchObject({ method: 'POST', url: `${API}/repos/${REPO}/git/refs`, body: { ref: 'refs/heads/featureA', sha: '<sha of main>' } });
    expect(api.requests).toHaveLength(0);
  });

  it('rejects names git would refuse, and --from with --sha', async () => {
    for (const argv of [['bad..name'], ['refs/heads/x'], ['ends-with/'], ['x', '--from', 'main', '--sha', SHA]]) {
      const { exitCode } = await json(['--mode', 'write', 'branch', 'create', ...argv, '--repo', REPO]);
      expect(exitCode, argv.join(' ')).toBe(2);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('an existing branch is GitHub\'s 422 "Reference already exists": VALIDATION_FAILED', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/git/refs`, () => githubError(422, 'Reference already exists')));
    const { exitCode, envelope } = await json(['--mode', 'write', 'branch', 'create', 'featureA', '--repo', REPO, '--sha', SHA]);
    expect(exitCode).toBe(2);
    expect(envelope.error.message).toContain('Reference already exists');
  });
});

describe('branch.delete (admin)', () => {
  it('deletes refs/heads/<name> (204)', async () => {
    api.server.use(http.delete(`${API}/repos/:owner/:repo/git/refs/heads/*`, () => new Response(null, { status: 204 })));
    const result = await json(['--mode', 'admin', 'branch', 'delete', 'feature/a', '--repo', REPO]);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toEqual({ deleted: true, repo: REPO, branch: 'feature/a', ref: 'refs/heads/feature/a' });
    expect(await api.sent()).toEqual([{ method: 'DELETE', url: `/repos/${REPO}/git/refs/heads/feature/a`, body: null }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'delete', resource: 'branch', id: `${REPO}:feature/a` }]);
  });

  it('is refused below admin, sending nothing', async () => {
    for (const mode of ['readonly', 'write', 'full']) {
      const { exitCode, envelope } = await json(['--mode', mode, 'branch', 'delete', 'featureA', '--repo', REPO]);
      expect(exitCode).toBe(3);
      expect(envelope.error.details).toEqual({ required_mode: 'admin', actual_mode: mode });
    }
    expect(api.requests).toHaveLength(0);
  });
});

everyRequestIsDocumented(api);
