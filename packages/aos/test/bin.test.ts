import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/core';
import type { RecordingServer } from '@aos-connectors/testing';
import { fakes } from './support/fakes.js';
import { startGitHub, TOKEN } from './support/github-api.js';

/** The built bin (dist/aos.js, the bundle) as an agent host runs it: a child process. */
const bin = fileURLToPath(new URL('../bin/aos.js', import.meta.url));
const world = fakes();
world.add('aos-alpha');
world.add('aos-gamma', { noBin: true });
let api: RecordingServer;
const env = () => world.env({ GITHUB_TOKEN: TOKEN, GITHUB_API_URL: api.url });

beforeAll(async () => {
  api = await startGitHub();
});
afterAll(() => api.close());

function aosBin(...argv: string[]) {
  const result = spawnSync(process.execPath, [bin, ...argv], { env: env(), encoding: 'utf8' });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

describe('the aos bin', () => {
  it('lists the fake connectors and this repository\'s aos-github in one envelope', () => {
    const result = aosBin('list', '--json');
    expect(result.exitCode).toBe(0);
    const tools = envelopeSchema.parse(result.json()).ok && result.json().data.connectors.map((row: any) => row.tool);
    expect(tools).toEqual(expect.arrayContaining(['aos-alpha', 'aos-gamma', 'aos-github']));
  });

  it("relays a connector's exit code and passes the caller's mode", () => {
    const result = aosBin('--mode', 'full', 'run', 'alpha', 'widget', 'get', '404', '--json');
    expect(result.exitCode).toBe(6);
    expect(result.json()).toMatchObject({ ok: false, tool: 'aos-alpha', error: { code: 'NOT_FOUND' }, meta: { mode: 'full' } });
    expect(world.calls('aos-alpha').at(-1)!.args.slice(0, 2)).toEqual(['--mode', 'full']);
  });
});

async function mcpSession(...flags: string[]) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', ...flags], env: env() as Record<string, string>, stderr: 'pipe' });
  const client = new Client({ name: 'aos-test', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await client.callTool({ name, arguments: args });
    return { isError: result.isError === true, envelope: JSON.parse((result.content as { text: string }[])[0]!.text) };
  };
  return { client, call };
}

describe('aos mcp (stdio, the SDK client)', () => {
  let session: Awaited<ReturnType<typeof mcpSession>>;
  beforeAll(async () => {
    session = await mcpSession();
  });
  afterAll(() => session.client.close());

  it('lists every runnable connector\'s read tools, prefixed, with annotations', async () => {
    const { tools } = await session.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['alpha__widget_get', 'alpha__health', 'github__issue_list', 'github__pr_files']));
    expect(names).not.toContain('github__issue_create');
    expect(names).not.toContain('alpha__widget_delete');
    expect(names.some((name) => name.startsWith('gamma__'))).toBe(false);
    const issueList = tools.find((tool) => tool.name === 'github__issue_list')!;
    expect(issueList).toMatchObject({ annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true } });
    expect(issueList.description).toMatch(/^GitHub: List issues/);
    expect(issueList.inputSchema.properties).toHaveProperty('repo');
    expect(issueList.inputSchema.properties).not.toHaveProperty('all');
  });

  it('runs a read tool against the GitHub stand-in', async () => {
    const { isError, envelope } = await session.call('github__issue_list', { repo: 'octocat/hello', limit: 5 });
    expect(isError).toBe(false);
    expect(envelope).toMatchObject({ ok: true, tool: 'aos-github', command: 'issue.list', data: { issues: [{ number: 7, title: 'Found a bug' }] }, meta: { mode: 'readonly' } });
  });

  it('refuses a write tool in the read-only session, sending nothing', async () => {
    const before = api.requests.length;
    const { isError, envelope } = await session.call('github__issue_create', { repo: 'octocat/hello', title: 'x' });
    expect(isError).toBe(true);
    expect(envelope).toMatchObject({ ok: false, tool: 'aos-github', command: 'issue.create', error: { code: 'PERMISSION_DENIED', details: { required_mode: 'write', actual_mode: 'readonly' } } });
    expect(api.requests.length).toBe(before);
  });

  it("runs the connector's bin with the session's mode", async () => {
    const { envelope } = await session.call('alpha__widget_get', { id: 3 });
    expect(envelope.data.argv).toEqual(['widget', 'get', '--input-json', '{"id":3}', '--json', '--mode', 'readonly']);
  });
});

describe('aos mcp --mode write', () => {
  it('lists and runs write tools with mode write; admin tools stay refused', async () => {
    const session = await mcpSession('--mode', 'write', '--timeout-ms', '4000');
    try {
      const names = (await session.client.listTools()).tools.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(['alpha__widget_create', 'github__issue_create']));
      const created = await session.call('alpha__widget_create', { name: 'w' });
      expect(created.envelope.data.argv).toEqual(['widget', 'create', '--input-json', '{"name":"w"}', '--json', '--mode', 'write', '--timeout-ms', '4000']);
      const merged = await session.call('github__pr_merge', { repo: 'octocat/hello', number: 1 });
      expect(merged.envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: 'admin', actual_mode: 'write' } });
    } finally {
      await session.client.close();
    }
  });
});
