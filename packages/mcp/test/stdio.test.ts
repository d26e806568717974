import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ReadBuffer, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConnectorMcp } from '../src/index.js';
import { replies, startRecordingServer, type RecordingServer } from '@aos-connectors/testing';
import widgets from '@aos-connectors/testing/fixture';

let api: RecordingServer;
beforeAll(async () => {
  api = await startRecordingServer(() => replies.json(200, { id: 7, name: 'seven', color: 'red' }));
});
afterAll(() => api.close());

/** `aos-widgets mcp` as the harness will run it: stdio streams in, a promise that settles when the client hangs up. */
function start(mode: 'readonly' | 'write') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const messages: JSONRPCMessage[] = [];
  const buffer = new ReadBuffer();
  stdout.on('data', (chunk: Buffer) => {
    buffer.append(chunk);
    for (let message = buffer.readMessage(); message; message = buffer.readMessage()) messages.push(message);
  });
  let stderr = '';
  const env = { WIDGETS_TOKEN: 'wt_stdio_canary_77', WIDGETS_API_URL: api.url, HOME: mkdtempSync(join(tmpdir(), 'aos-mcp-stdio-')), AOS_AUDIT: 'off' };
  const served = serveConnectorMcp(widgets, { mode, env, stdin, stdout, stderr: { write: (text) => void (stderr += text) } });
  const send = (message: object) => stdin.write(serializeMessage({ jsonrpc: '2.0', ...message } as JSONRPCMessage));
  const reply = (id: number) => expect.poll(() => messages.find((m) => 'id' in m && m.id === id), { timeout: 10_000 }).toBeTruthy().then(() => messages.find((m) => 'id' in m && m.id === id) as any);
  return { stdin, served, send, reply, stderr: () => stderr };
}

const initialize = {
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
};

describe('serveConnectorMcp over stdio', () => {
  it('answers initialize, lists and calls tools, and ends when stdin ends', async () => {
    const server = start('readonly');
    server.send({ id: 1, ...initialize });
    expect((await server.reply(1)).result).toMatchObject({ serverInfo: { name: 'aos-widgets', version: '1.2.3' }, capabilities: { tools: {} } });
    server.send({ method: 'notifications/initialized' });
    server.send({ id: 2, method: 'tools/list', params: {} });
    const names = (await server.reply(2)).result.tools.map((tool: { name: string }) => tool.name);
    expect(names).toContain('widget_get');
    expect(names).not.toContain('widget_create');
    server.send({ id: 3, method: 'tools/call', params: { name: 'widget_create', arguments: { name: 'x' } } });
    const refused = (await server.reply(3)).result;
    expect(refused.isError).toBe(true);
    expect(JSON.parse(refused.content[0].text).error.code).toBe('PERMISSION_DENIED');
    server.stdin.end();
    await expect(server.served).resolves.toBeUndefined();
  });

  it('finishes a call that was in flight when the client closed its end', async () => {
    const server = start('readonly');
    server.send({ id: 1, ...initialize });
    await server.reply(1);
    server.send({ id: 2, method: 'tools/call', params: { name: 'widget_get', arguments: { id: 7 } } });
    server.stdin.end();
    const result = (await server.reply(2)).result;
    expect(JSON.parse(result.content[0].text)).toMatchObject({ ok: true, data: { id: 7 } });
    await server.served;
  });
});
