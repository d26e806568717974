import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();

describe('actions.list_runs', () => {
  it('lists runs of a repository from the wrapped {total_count, workflow_runs} page', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/actions/runs`, () => reply(example('actions/list-workflow-runs-for-repo'))));
    const { exitCode, envelope } = await json(['actions', 'list-runs', '--repo', REPO, '--branch', 'main', '--event', 'push', '--status', 'failure', '--actor', 'octocat', '--head-sha', 'acb5820ced9479c074f688cc328bf03f341a511d']);
    expect(exitCode).toBe(0);
    expect(envelope.command).toBe('actions.list_runs');
    expect(envelope.data).toMatchObject({ workflow_runs: [{ id: 30433642, name: 'Build' }], next_cursor: null, has_more: false });
    expect(await api.sent()).toEqual([{
      method: 'GET',
      url: `/repos/${REPO}/actions/runs?branch=main&event=push&status=failure&actor=octocat&head_sha=acb5820ced9479c074f688cc328bf03f341a511d&per_page=30`,
      body: null,
    }]);
  });

  it('lists runs of one workflow with --workflow', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/actions/workflows/:workflow/runs`, () => reply(example('actions/list-workflow-runs'))));
    const { envelope } = await json(['actions', 'list_runs', '--repo', REPO, '--workflow', 'ci.yml', '--limit', '5']);
    expect(envelope.data.workflow_runs).toHaveLength(1);
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/actions/workflows/ci.yml/runs?per_page=5`, body: null }]);
  });
});

describe('actions.get_run', () => {
  it('gets one run', async () => {
    api.server.use(http.get(`${API}/repos/:owner/:repo/actions/runs/:id`, () => reply(example('actions/get-workflow-run'))));
    const { envelope } = await json(['actions', 'get-run', '30433642', '--repo', REPO]);
    expect(envelope.data).toMatchObject({ id: 30433642, status: 'queued' });
    expect(await api.sent()).toEqual([{ method: 'GET', url: `/repos/${REPO}/actions/runs/30433642`, body: null }]);
  });
});

describe('actions.trigger', () => {
  it('dispatches with ref and inputs; GitHub answers 204 with no body', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/actions/workflows/:workflow/dispatches`, () => new Response(null, { status: 204 })));
    const result = await json(['--mode', 'write', 'actions', 'trigger', 'deploy.yml', '--repo', REPO, '--ref', 'main', '--inputs', '{"env":"staging","dry":true}']);
    expect(result.exitCode).toBe(0);
    expect(result.envelope.data).toEqual({ triggered: true, repo: REPO, workflow: 'deploy.yml', ref: 'main', inputs: { env: 'staging', dry: true } });
    expect(await api.sent()).toEqual([{
      method: 'POST',
      url: `/repos/${REPO}/actions/workflows/deploy.yml/dispatches`,
      body: { ref: 'main', inputs: { env: 'staging', dry: true } },
    }]);
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'trigger', resource: 'workflow', id: `${REPO}/deploy.yml@main` }]);
  });

  it('with --return-run-details returns the new run id (200)', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/actions/workflows/:workflow/dispatches`, () => reply(example('actions/create-workflow-dispatch'))));
    const result = await json(['--mode', 'write', 'actions', 'trigger', '1296269', '--repo', REPO, '--ref', 'v1.0', '--return-run-details']);
    expect(result.envelope.data).toMatchObject({ triggered: true, workflow_run_id: 1, html_url: 'https://github.com/octo-org/octo-repo/actions/runs/1' });
    expect((await api.sent())[0]!.body).toEqual({ ref: 'v1.0', return_run_details: true });
    expect(result.audit()[0]!.side_effects).toEqual([{ kind: 'trigger', resource: 'workflow', id: `${REPO}/runs/1` }]);
  });

  it('--dry-run shows the exact dispatch request', async () => {
    const { envelope } = await json(['--dry-run', 'actions', 'trigger', 'deploy.yml', '--repo', REPO, '--ref', 'main']);
    expect(envelope.data.request).toMatchObject({ method: 'POST', url: `${API}/repos/${REPO}/actions/workflows/deploy.yml/dispatches`, body: { ref: 'main' } });
    expect(api.requests).toHaveLength(0);
  });

  it('needs --ref, and inputs as a JSON object', async () => {
    for (const extra of [[], ['--ref', 'main', '--inputs', 'env=staging']]) {
      const { exitCode } = await json(['--mode', 'write', 'actions', 'trigger', 'deploy.yml', '--repo', REPO, ...extra]);
      expect(exitCode).toBe(2);
    }
    expect(api.requests).toHaveLength(0);
  });

  it('a workflow without workflow_dispatch is GitHub\'s 422: VALIDATION_FAILED', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/actions/workflows/:workflow/dispatches`, () => githubError(422, "Workflow does not have 'workflow_dispatch' trigger")));
    const { exitCode, envelope } = await json(['--mode', 'write', 'actions', 'trigger', 'ci.yml', '--repo', REPO, '--ref', 'main']);
    expect(exitCode).toBe(2);
    expect(envelope.error.message).toContain("Workflow does not have 'workflow_dispatch' trigger");
  });
});

everyRequestIsDocumented(api);
