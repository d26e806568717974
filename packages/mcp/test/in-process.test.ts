import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/core';
import { MCP_TOOL_NAME } from '../src/index.js';
import { replies, startRecordingServer, type RecordingServer } from '@aos-connectors/testing';
import widgets from '@aos-connectors/testing/fixture';
import { connect, type Connected } from './client.js';

const TOKEN = 'wt_mcp_canary_5a4b3c2d1e';
let api: RecordingServer;
const env = () => ({
  WIDGETS_TOKEN: TOKEN,
  WIDGETS_API_URL: api.url,
  WIDGETS_TEAM: 'blue-team',
  HOME: mkdtempSync(join(tmpdir(), 'aos-mcp-')),
  AOS_AUDIT: 'off',
});

beforeAll(async () => {
  api = await startRecordingServer((request) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && path === '/me') return replies.json(200, { name: 'octo' });
    if (request.method === 'GET' && path === '/widgets/7') return replies.json(200, { id: 7, name: 'seven', color: 'red' });
    if (request.method === 'GET' && path === '/widgets') return replies.json(200, [{ id: 1, name: 'one', color: 'red' }]);
    if (request.method === 'POST' && request.url === '/widgets') return replies.json(201, { id: 9, ...JSON.parse(request.body) });
    return replies.json(404, { message: 'Not Found' });
  });
});
afterAll(() => api.close());
beforeEach(() => void api.requests.splice(0));

describe('one connector over MCP, in-process, read-only session', () => {
  let mcp: Connected;
  beforeAll(async () => {
    mcp = await connect({ connectors: [{ definition: widgets }], env: env(), mode: 'readonly' });
  });
  afterAll(() => mcp.close());

  it('lists only the tools the mode allows, named after command ids, with schemas and annotations', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['debug_crash', 'debug_hang', 'doctor', 'health', 'widget_get', 'widget_list']);
    for (const tool of tools) expect(tool.name).toMatch(MCP_TOOL_NAME);
    const get = tools.find((tool) => tool.name === 'widget_get')!;
    expect(get).toMatchObject({
      description: 'Get one widget',
      inputSchema: { type: 'object', properties: { id: { type: 'integer', description: 'Widget id' } }, required: ['id'] },
      annotations: { title: 'Get one widget', readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    });
    expect(mcp.session.tools).toEqual(expect.arrayContaining(['widget_create', 'widget_bulk_recolor', 'widget_delete']));
  });

  it('tells the agent how the session works', () => {
    expect(mcp.client.getInstructions()).toMatch(/mode readonly/);
  });

  it('runs a read tool: the connector envelope comes back as JSON text', async () => {
    const { isError, envelope } = await mcp.call('widget_get', { id: 7 });
    expect(isError).toBe(false);
    expect(envelopeSchema.parse(envelope)).toMatchObject({ ok: true, tool: 'aos-widgets', command: 'widget.get', data: { id: 7, name: 'seven' }, meta: { mode: 'readonly', version: '1.2.3' } });
    expect(api.requests).toMatchObject([{ method: 'GET', url: '/widgets/7', headers: { authorization: `Bearer ${TOKEN}` } }]);
  });

  it('pages a list tool with limit', async () => {
    const { envelope } = await mcp.call('widget_list', { limit: 1, color: 'red' });
    expect(envelope).toMatchObject({ ok: true, data: { widgets: [{ id: 1 }], has_more: false } });
    expect(api.requests[0]!.url).toMatch(/color=red/);
  });

  it('refuses a write tool called by name with the PERMISSION_DENIED envelope, sending nothing', async () => {
    const { isError, envelope } = await mcp.call('widget_create', { name: 'new' });
    expect(isError).toBe(true);
    expect(envelopeSchema.parse(envelope)).toMatchObject({
      ok: false, tool: 'aos-widgets', command: 'widget.create',
      error: { code: 'PERMISSION_DENIED', details: { required_mode: 'write', actual_mode: 'readonly' } },
      meta: { mode: 'readonly' },
    });
    expect(api.requests).toHaveLength(0);
  });

  it('cannot be talked into a higher mode or a dry run through arguments', async () => {
    for (const args of [{ id: 7, mode: 'admin' }, { id: 7, dry_run: true }, { id: 7, bogus: 1 }]) {
      const { isError, envelope } = await mcp.call('widget_get', args);
      expect(isError).toBe(true);
      expect(envelope.error.code).toBe('INVALID_USAGE');
    }
    expect(api.requests).toHaveLength(0);
  });

  it('returns validation, vendor and internal errors as tool errors with the envelope', async () => {
    expect((await mcp.call('widget_get', { id: 'seven' })).envelope.error.code).toBe('INVALID_USAGE');
    expect((await mcp.call('widget_get', { id: 8 })).envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const crash = await mcp.call('debug_crash');
    expect(crash).toMatchObject({ isError: true, envelope: { error: { code: 'INTERNAL_ERROR' } } });
    expect(JSON.stringify(crash)).not.toContain('TypeError: cannot');
  });

  it('answers an unknown tool with a protocol error', async () => {
    await expect(mcp.client.callTool({ name: 'widget_explode', arguments: {} })).rejects.toThrow(/Unknown tool "widget_explode"/);
  });

  it('exposes health', async () => {
    const { envelope } = await mcp.call('health');
    expect(envelope).toMatchObject({ ok: true, command: 'health', data: { status: 'healthy' } });
  });
});

describe('a write session', () => {
  let mcp: Connected;
  beforeAll(async () => {
    mcp = await connect({ connectors: [{ definition: widgets }], env: env(), mode: 'write', timeoutMs: 1_000 });
  });
  afterAll(() => mcp.close());

  it('lists and runs write tools; bulk and destructive ones stay hidden and refused', async () => {
    const names = (await mcp.client.listTools()).tools.map((tool) => tool.name);
    expect(names).toContain('widget_create');
    expect(names).not.toContain('widget_delete');
    const created = await mcp.call('widget_create', { name: 'gizmo', tags: ['x', 'y'] });
    expect(created).toMatchObject({ isError: false, envelope: { ok: true, data: { id: 9, name: 'gizmo', tags: ['x', 'y'], team: 'blue-team' }, meta: { mode: 'write' } } });
    const denied = await mcp.call('widget_delete', { id: 9 });
    expect(denied.envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: 'admin', actual_mode: 'write' } });
    expect(api.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('passes the session deadline to every call', async () => {
    const hang = await mcp.call('debug_hang');
    expect(hang.envelope).toMatchObject({ ok: false, error: { code: 'TIMEOUT', details: { timeout_ms: 1000 } } });
  }, 15_000);
});
