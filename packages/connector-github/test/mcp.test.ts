import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replies, startRecordingServer, type RecordingServer } from '@aos-connectors/testing';

const bin = fileURLToPath(new URL('../bin/aos-github.js', import.meta.url));
let server: RecordingServer;

/** `aos-github mcp` started as an MCP client would start it: the real bin over stdio. */
async function session(mode: string) {
  const client = new Client({ name: 'test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, '--mode', mode, 'mcp'],
    env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'ghp_mcp_test_token', GITHUB_API_URL: server.url, AOS_AUDIT: 'off' },
    stderr: 'pipe',
  });
  await client.connect(transport);
  return client;
}

beforeAll(async () => {
  server = await startRecordingServer((request) => replies.json(200, request.url === '/user' ? { login: 'octocat', id: 1 } : {}));
});
afterAll(async () => server.close());

describe('aos-github mcp', () => {
  it('lists only the tools the session mode allows, with annotations, and calls one', async () => {
    const client = await session('readonly');
    try {
      const { tools } = await client.listTools();
      const names = tools.map((t) => t.name);
      expect(names).toContain('user_me');
      expect(names).not.toContain('issue_create');
      expect(names).not.toContain('pr_merge');
      expect(tools.find((t) => t.name === 'issue_list')?.annotations).toMatchObject({ readOnlyHint: true });
      const result = await client.callTool({ name: 'user_me', arguments: {} });
      const envelope = JSON.parse((result.content as { text: string }[])[0]!.text);
      expect(envelope).toMatchObject({ ok: true, tool: 'aos-github', command: 'user.me', data: { login: 'octocat' }, meta: { mode: 'readonly' } });
      const refused = await client.callTool({ name: 'issue_create', arguments: { repo: 'o/r', title: 'x' } });
      expect(refused.isError).toBe(true);
      expect(JSON.parse((refused.content as { text: string }[])[0]!.text)).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
      expect(server.requests.map((r) => r.url)).toEqual(['/user']);
    } finally {
      await client.close();
    }
  });

  it('offers write tools in a write session, and still hides admin ones', async () => {
    const client = await session('write');
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toContain('issue_create');
      expect(names).not.toContain('branch_delete');
    } finally {
      await client.close();
    }
  });
});
