import { describe, expect, it } from 'vitest';
import { requiredMode } from '@aos-connectors/core';
import slack from '../src/connector.js';
import { postMessageResponse } from './fixtures.js';
import { API, BOT_TOKEN, describeRequest, json, method, reply, useSlackApi } from './support/slack.js';

const api = useSlackApi();
const sent = () => Promise.all(api.requests.map(describeRequest));
const { ok: _ok, ...posted } = postMessageResponse;
const blocks = [{ type: 'section', text: { type: 'plain_text', text: 'Hello world' } }];

describe('message.send (chat.postMessage)', () => {
  it('POSTs JSON (utf-8) with the bot token; returns channel, ts and message; records the side effect', async () => {
    api.server.use(method('chat.postMessage', () => reply(postMessageResponse)));
    const { exitCode, envelope, audit } = await json(['--mode', 'write', 'message', 'send', 'C123ABC456', '--text', "Here's a message for you"]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual(posted);
    expect(await sent()).toEqual([{ method: 'POST', path: '/api/chat.postMessage', query: {}, body: { channel: 'C123ABC456', text: "Here's a message for you" } }]);
    const headers = api.requests[0]!.headers;
    expect([headers.get('content-type'), headers.get('authorization')]).toEqual(['application/json; charset=utf-8', `Bearer ${BOT_TOKEN}`]);
    expect(audit()[0]).toMatchObject({ outcome: 'ok', side_effects: [{ kind: 'create', resource: 'message', id: 'C123ABC456/1503435956.000247' }] });
  });

  it('--blocks takes a JSON array of Block Kit blocks; --text becomes the fallback', async () => {
    api.server.use(method('chat.postMessage', () => reply(postMessageResponse)));
    await json(['--mode', 'write', 'message', 'send', 'C123ABC456', '--text', 'Hello', '--blocks', JSON.stringify(blocks)]);
    expect((await sent())[0]!.body).toEqual({ channel: 'C123ABC456', text: 'Hello', blocks });
  });

  it('refuses blocks that are not a JSON array of blocks, and a message with neither text nor blocks, before any request', async () => {
    for (const bad of ['{not json', '{"type":"section"}', '[]']) {
      const { exitCode, envelope } = await json(['--mode', 'write', 'message', 'send', 'C123ABC456', '--blocks', bad]);
      expect(exitCode).toBe(2);
      expect(envelope.error.message).toMatch(/--blocks/);
    }
    const empty = await json(['--mode', 'write', 'message', 'send', 'C123ABC456']);
    expect(empty.exitCode).toBe(2);
    expect(empty.envelope.error.message).toBe('Give --text, --blocks or both');
    expect(api.requests).toHaveLength(0);
  });

  it('--dry-run returns the exact request, authorization redacted, and sends nothing', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'message', 'send', 'C123ABC456', '--text', 'hi']);
    expect(exitCode).toBe(0);
    expect(envelope.meta.dry_run).toBe(true);
    expect(envelope.data.request).toEqual({
      method: 'POST',
      url: `${API}/chat.postMessage`,
      headers: { 'user-agent': expect.stringMatching(/^aos-slack\//), accept: 'application/json', authorization: '[REDACTED]', 'content-type': 'application/json; charset=utf-8' },
      body: { channel: 'C123ABC456', text: 'hi' },
    });
    expect(api.requests).toHaveLength(0);
  });

  it('is refused in readonly mode (exit 3), zero requests', async () => {
    const { exitCode, envelope } = await json(['message', 'send', 'C123ABC456', '--text', 'hi']);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: 'write', actual_mode: 'readonly' } });
    expect(api.requests).toHaveLength(0);
  });
});

describe('message.reply (chat.postMessage with thread_ts)', () => {
  it('POSTs thread_ts and reply_broadcast', async () => {
    api.server.use(method('chat.postMessage', () => reply(postMessageResponse)));
    const { exitCode } = await json(['--mode', 'write', 'message', 'reply', 'C123ABC456', '1503435956.000247', '--text', 'On it', '--broadcast']);
    expect(exitCode).toBe(0);
    expect((await sent())[0]).toEqual({
      method: 'POST',
      path: '/api/chat.postMessage',
      query: {},
      body: { channel: 'C123ABC456', thread_ts: '1503435956.000247', text: 'On it', reply_broadcast: true },
    });
  });

  it('refuses a thread ts that is not a Slack timestamp', async () => {
    const { exitCode } = await json(['--mode', 'write', 'message', 'reply', 'C123ABC456', 'yesterday', '--text', 'x']);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});

describe('modes and risk (CONTRACT §4)', () => {
  it('reads are readonly/read/1; send, reply and the gateway need write', () => {
    expect(Object.fromEntries(slack.commands.map((c) => [c.id, `${requiredMode(c)}/${c.action}/${c.risk}`]))).toEqual({
      'channel.list': 'readonly/read/1',
      'message.send': 'write/write/2',
      'message.reply': 'write/write/2',
      'message.history': 'readonly/read/1',
      'message.search': 'readonly/read/1',
      'user.list': 'readonly/read/1',
      gateway: 'write/write/2',
    });
  });
});
