// Issue 11 finding 7b: a 200 without the fields a command reads is GitHub's unexpected answer
// (BACKEND_UNAVAILABLE, exit 5), never a TypeError reported as INTERNAL_ERROR (exit 10).
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('unexpected GitHub answers (issue 11 finding 7b)', () => {
  it('branch create from the default branch when the repo answer is {}: BACKEND_UNAVAILABLE naming default_branch', async () => {
    api.server.use(http.get(`${API}/repos/${REPO}`, () => reply({})));
    const { exitCode, envelope } = await json(['--mode', 'write', 'branch', 'create', 'featureA', '--repo', REPO]);
    expect(envelope.error.code).toBe('BACKEND_UNAVAILABLE');
    expect(exitCode).toBe(5);
    expect(envelope.error.details.expected).toContain('default_branch');
  });

  it('branch create when the ref answer lacks object.sha', async () => {
    api.server.use(http.get(`${API}/repos/${REPO}/git/ref/heads/main`, () => reply({ ref: 'refs/heads/main' })));
    const { exitCode, envelope } = await json(['--mode', 'write', 'branch', 'create', 'featureA', '--repo', REPO, '--from', 'main']);
    expect(exitCode).toBe(5);
    expect(envelope.error.details.issues[0].path).toBe('object');
  });

  it('issue create answered with {}: no side effect with an undefined id', async () => {
    api.server.use(http.post(`${API}/repos/${REPO}/issues`, () => reply({}, { status: 201 })));
    const result = await json(['--mode', 'write', 'issue', 'create', '--repo', REPO, '--title', 'x']);
    expect(result.exitCode).toBe(5);
    expect(JSON.stringify(result.audit())).not.toContain('undefined');
  });

  it('repo list answered with {} where a list is due: BACKEND_UNAVAILABLE', async () => {
    api.server.use(http.get(`${API}/user/repos`, () => reply({})));
    const { exitCode, envelope } = await json(['repo', 'list']);
    expect(exitCode).toBe(5);
    expect(envelope.error.code).toBe('BACKEND_UNAVAILABLE');
  });
});
