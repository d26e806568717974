import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingServer } from '@aos-connectors/testing';
import { fakes } from './support/fakes.js';
import { startGitHub, TOKEN } from './support/github-api.js';
import { aos } from './support/run.js';

/** The real aos-github of this repository (packages/connector-github, built), found as a repository package. */
const world = fakes();
let api: RecordingServer;
const env = (extra: Record<string, string> = {}) => world.env({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url, ...extra });
const run = (argv: string[], extra: Record<string, string> = {}) => aos(argv, env(extra), { globalModulesDir: null });

beforeAll(async () => {
  api = await startGitHub();
});
afterAll(() => api.close());

describe('aos with the real aos-github', () => {
  it('lists and describes it from its connector.json', async () => {
    const listed = (await run(['--json', 'list'])).json().data.connectors.find((row: any) => row.tool === 'aos-github');
    expect(listed).toMatchObject({ label: 'GitHub', source: 'repository', install_state: 'needs-setup', commands: 27 });
    const info = (await run(['--json', 'info', 'github'])).json().data;
    expect(info.commands).toContainEqual({ id: 'pr.merge', summary: 'Merge a pull request', required_mode: 'admin', action_class: 'destructive', risk_tier: 4 });
  });

  it('probes its health: ready with a token, needs-setup without', async () => {
    const ready = await run(['--json', 'health', 'github', '--refresh']);
    expect(ready.json().data.connectors[0]).toMatchObject({ install_state: 'ready', status: 'healthy' });
    const unset = await aos(['--json', 'health', 'github', '--refresh'], world.env({ GITHUB_API_URL: api.url }), { globalModulesDir: null });
    expect(unset.json().data.connectors[0]).toMatchObject({ install_state: 'needs-setup', status: 'needs_setup' });
  });

  it('runs a read command and relays its envelope', async () => {
    const result = await run(['run', 'github', 'issue', 'list', '--repo', 'octocat/hello', '--json']);
    expect(result.exitCode).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, tool: 'aos-github', command: 'issue.list', data: { issues: [{ number: 7 }] }, meta: { mode: 'readonly' } });
  });

  it('runs a command id with JSON input (--input-json), the same call as its words and flags', async () => {
    const result = await run(['--json', 'run', 'github', 'issue.list', '--input-json', JSON.stringify({ repo: 'octocat/hello' })]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, command: 'issue.list', data: { issues: [{ number: 7 }] } });
    const smuggled = await run(['--json', 'run', 'github', 'issue.list', '--input-json', JSON.stringify({ repo: 'octocat/hello', mode: 'admin' })]);
    expect(smuggled.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { unknown: ['mode'] } } });
  });

  it("relays the connector's own PERMISSION_DENIED (exit 3) for a write in the caller's readonly mode, and nothing is sent", async () => {
    const before = api.requests.length;
    const result = await run(['--json', 'run', 'github', 'issue', 'create', '--repo', 'octocat/hello', '--title', 'x']);
    expect(result.exitCode).toBe(3);
    expect(result.json()).toMatchObject({ ok: false, tool: 'aos-github', error: { code: 'PERMISSION_DENIED', details: { required_mode: 'write', actual_mode: 'readonly' } } });
    expect(api.requests.length).toBe(before);
  });

  it('runs the write when the caller asks for mode write', async () => {
    const result = await run(['--json', '--mode', 'write', 'run', 'github', 'issue', 'create', '--repo', 'octocat/hello', '--title', 'From aos']);
    expect(result.exitCode).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, data: { number: 8, title: 'From aos' }, meta: { mode: 'write' } });
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', url: '/repos/octocat/hello/issues' });
  });
});
