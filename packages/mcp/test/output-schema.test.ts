import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Ajv2020Module from 'ajv/dist/2020.js';
import { deriveManifest } from '@aos-connectors/core';
import { replies, startRecordingServer, type RecordingServer } from '@aos-connectors/testing';
import widgets from '@aos-connectors/testing/fixture';
import { connect, type Connected } from './client.js';

// ajv is CommonJS: its class is the module itself or its `default`, depending on the loader.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof import('ajv/dist/2020.js').default;
const ajv = new Ajv2020({ strict: false });

let api: RecordingServer;
const owned = (id: number) => ({ id, name: `w${id}`, color: 'red', owner: { login: `u${id}`, id }, vendor_extra: 'kept' });

beforeAll(async () => {
  api = await startRecordingServer((request) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && path === '/widgets/7') return replies.json(200, owned(7));
    if (request.method === 'GET' && path === '/widgets') return replies.json(200, [owned(1), owned(2)]);
    return replies.json(404, { message: 'Not Found' });
  });
});
afterAll(() => api.close());
beforeEach(() => void api.requests.splice(0));

describe('output schemas over MCP', () => {
  let mcp: Connected;
  beforeAll(async () => {
    const env = { WIDGETS_TOKEN: 'wt_x', WIDGETS_API_URL: api.url, HOME: mkdtempSync(join(tmpdir(), 'aos-mcp-out-')), AOS_AUDIT: 'off' };
    mcp = await connect({ connectors: [{ definition: widgets }], env, mode: 'readonly' });
  });
  afterAll(() => mcp.close());

  const toolsByName = async () => new Map((await mcp.client.listTools()).tools.map((tool) => [tool.name, tool]));

  it('lists outputSchema (the shape of data: a list is its page) and a fields argument for tools that declare one', async () => {
    const tools = await toolsByName();
    const list = tools.get('widget_list')!;
    expect(list.outputSchema).toMatchObject({
      type: 'object',
      properties: {
        widgets: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, owner: {} } } },
        next_cursor: { type: ['string', 'null'] },
        has_more: { type: 'boolean' },
      },
      required: ['widgets', 'next_cursor', 'has_more'],
    });
    expect(tools.get('widget_get')!.outputSchema).toMatchObject({ type: 'object', properties: { id: {}, name: {}, color: {}, owner: {} } });
    for (const tool of tools.values()) if (tool.outputSchema) expect(ajv.validateSchema(tool.outputSchema)).toBe(true);
    expect(list.inputSchema.properties).toMatchObject({ fields: { type: 'array', items: { type: 'string', enum: ['id', 'name', 'color', 'owner', 'owner.login', 'owner.id'] } } });
    expect(tools.get('debug_crash')).not.toHaveProperty('outputSchema');
    expect(tools.get('debug_crash')!.inputSchema.properties).not.toHaveProperty('fields');
    expect(tools.get('health')).not.toHaveProperty('outputSchema');
  });

  it('returns data as structuredContent that validates against the declared outputSchema', async () => {
    const tools = await toolsByName();
    for (const [name, args] of [['widget_get', { id: 7 }], ['widget_list', { limit: 5 }], ['widget_list', { fields: ['name', 'owner.login'] }], ['widget_get', { id: 7, fields: ['id'] }]] as const) {
      const result = await mcp.client.callTool({ name, arguments: args });
      expect(result.isError).not.toBe(true);
      const envelope = JSON.parse((result.content as { text: string }[])[0]!.text);
      expect(result.structuredContent).toEqual(envelope.data);
      const validate = ajv.compile(tools.get(name)!.outputSchema!);
      expect(validate(result.structuredContent), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('passes fields to the call: only those fields come back', async () => {
    const list = await mcp.client.callTool({ name: 'widget_list', arguments: { fields: ['name', 'owner.login'] } });
    expect(list.structuredContent).toEqual({ widgets: [{ name: 'w1', owner: { login: 'u1' } }, { name: 'w2', owner: { login: 'u2' } }], next_cursor: null, has_more: false });
    const one = await mcp.client.callTool({ name: 'widget_get', arguments: { id: 7 } });
    expect(one.structuredContent).toMatchObject({ id: 7, vendor_extra: 'kept' });
  });

  it('refuses bad fields as tool errors naming the argument, sending nothing; errors carry no structuredContent', async () => {
    for (const fields of [['secret'], 'id', [1]]) {
      const result = await mcp.client.callTool({ name: 'widget_get', arguments: { id: 7, fields } });
      expect(result.isError).toBe(true);
      expect(result).not.toHaveProperty('structuredContent');
      const envelope = JSON.parse((result.content as { text: string }[])[0]!.text);
      expect(envelope.error.code).toBe('INVALID_USAGE');
      expect(envelope.error.message).toMatch(/"fields"/);
      expect(envelope.error.message).not.toMatch(/--/);
    }
    const crash = await mcp.call('debug_crash', { fields: ['id'] });
    expect(crash.envelope.error.code).toBe('INVALID_USAGE');
    expect(api.requests).toHaveLength(0);
  });

  it('speaks of tool arguments, not CLI flags, in instructions and descriptions', async () => {
    const text = [mcp.client.getInstructions() ?? '', JSON.stringify((await mcp.client.listTools()).tools)].join('\n');
    expect(text).not.toMatch(/--(limit|cursor|all|fields|help|json|mode)\b/);
    expect(mcp.client.getInstructions()).toMatch(/structuredContent/);
  });
});

describe('a spawned bin', () => {
  it('gets fields as --fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aos-mcp-out-spawn-'));
    const bin = join(dir, 'echo.js');
    writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');
    writeFileSync(bin, `#!/usr/bin/env node
process.stdout.write(JSON.stringify({ ok: true, tool: 'aos-echo', command: 'widget.get', data: { name: process.argv.slice(2).join(' ') },
  meta: { mode: 'readonly', duration_ms: 1, timestamp: '2026-01-01T00:00:00Z', version: '1.0.0', evidence_id: 'ev_00000000' } }) + '\\n');\n`);
    chmodSync(bin, 0o755);
    const mcp = await connect({ connectors: [{ manifest: { ...deriveManifest(widgets), tool: 'aos-echo' }, binPath: bin, version: '1.0.0' }], env: { PATH: process.env.PATH } });
    try {
      const result = await mcp.client.callTool({ name: 'widget_get', arguments: { id: 7, fields: ['name', 'owner.login'] } });
      expect((result.structuredContent as { name: string }).name).toMatch(/^widget get --input-json \{"id":7\} .*--fields=name,owner\.login/);
    } finally {
      await mcp.close();
    }
  });
});
