import { describe, expect, it } from 'vitest';
import { requiredMode } from '@aos-connectors/core';
import telegram from '../src/connector.js';
import { botUser, forum, privateChat, sentMessage } from './fixtures.js';
import { API, bot, describeRequest, json, ok, useTelegramApi } from './support/telegram.js';

const api = useTelegramApi();
const sent = () => Promise.all(api.requests.map(describeRequest));

describe('message.send (sendMessage)', () => {
  it('POSTs JSON with chat_id as a number, and records the side effect', async () => {
    api.server.use(bot('sendMessage', () => ok(sentMessage(privateChat, 43, 'Build passed'))));
    const { exitCode, envelope, audit } = await json(['--mode', 'write', 'message', 'send', '111111111', '--text', 'Build passed']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual(sentMessage(privateChat, 43, 'Build passed'));
    expect(await sent()).toEqual([{ method: 'POST', path: '/bot<token>/sendMessage', query: {}, body: { chat_id: 111111111, text: 'Build passed' } }]);
    expect(api.requests[0]!.headers.get('content-type')).toBe('application/json');
    expect(audit()[0]).toMatchObject({ outcome: 'ok', side_effects: [{ kind: 'create', resource: 'message', id: '111111111:43' }] });
  });

  it('replies through reply_parameters, into a forum topic, silently, with a parse mode; @username stays a string', async () => {
    api.server.use(bot('sendMessage', () => ok(sentMessage(forum, 44, 'Shipped'))));
    const argv = ['message', 'send', '@release_crew', '--text', '*Shipped*', '--parse-mode', 'MarkdownV2', '--reply-to', '12', '--thread-id', '7', '--disable-notification'];
    const { exitCode } = await json(['--mode', 'write', ...argv]);
    expect(exitCode).toBe(0);
    expect((await sent())[0]!.body).toEqual({
      chat_id: '@release_crew',
      text: '*Shipped*',
      parse_mode: 'MarkdownV2',
      message_thread_id: 7,
      reply_parameters: { message_id: 12 },
      disable_notification: true,
    });
  });

  it('--dry-run returns the exact request with the token redacted in the URL, and sends nothing', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'message', 'send', '-1001234567890', '--text', 'hi', '--reply-to', '5']);
    expect(exitCode).toBe(0);
    expect(envelope.meta.dry_run).toBe(true);
    const { headers, ...request } = envelope.data.request;
    expect(request).toEqual({
      method: 'POST',
      url: `${API}/bot[REDACTED]/sendMessage`,
      body: { chat_id: -1001234567890, text: 'hi', reply_parameters: { message_id: 5 } },
    });
    expect(headers).toMatchObject({ 'content-type': 'application/json', accept: 'application/json' });
    expect(api.requests).toHaveLength(0);
  });

  it('--dry-run works without a token and shows the same redacted URL', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'message', 'send', '1', '--text', 'hi'], { TELEGRAM_BOT_TOKEN: undefined });
    expect(exitCode).toBe(0);
    expect(envelope.data.request.url).toBe(`${API}/bot[REDACTED]/sendMessage`);
  });

  it('is refused in readonly mode with valid arguments (exit 3), zero requests', async () => {
    const { exitCode, envelope } = await json(['message', 'send', '1', '--text', 'hi']);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'PERMISSION_DENIED', details: { required_mode: 'write', actual_mode: 'readonly' } });
    expect(api.requests).toHaveLength(0);
  });

  it('without a token: AUTH_REQUIRED (exit 4), nothing sent', async () => {
    const { exitCode, envelope } = await json(['--mode', 'write', 'message', 'send', '1', '--text', 'hi'], { TELEGRAM_BOT_TOKEN: undefined });
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(api.requests).toHaveLength(0);
  });
});

describe('message.edit (editMessageText)', () => {
  it('POSTs chat_id, message_id, text and parse_mode; records an update', async () => {
    const edited = { ...sentMessage(forum, 43, 'Build passed (2 warnings)'), edit_date: 1767226000 };
    api.server.use(bot('editMessageText', () => ok(edited)));
    const { exitCode, envelope, audit } = await json(['--mode', 'write', 'message', 'edit', '-1001234567890', '43', '--text', 'Build passed (2 warnings)', '--parse-mode', 'HTML']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual(edited);
    expect(await sent()).toEqual([
      { method: 'POST', path: '/bot<token>/editMessageText', query: {}, body: { chat_id: -1001234567890, message_id: 43, text: 'Build passed (2 warnings)', parse_mode: 'HTML' } },
    ]);
    expect(audit()[0]!.side_effects).toEqual([{ kind: 'update', resource: 'message', id: '-1001234567890:43' }]);
  });

  it('--dry-run shows the request', async () => {
    const { envelope } = await json(['--dry-run', 'message', 'edit', '@release_crew', '43', '--text', 'x']);
    expect(envelope.data.request).toMatchObject({ method: 'POST', url: `${API}/bot[REDACTED]/editMessageText`, body: { chat_id: '@release_crew', message_id: 43, text: 'x' } });
  });
});

describe('modes and risk (CONTRACT §4)', () => {
  it('reads are readonly/read/1; send, edit and the gateway need write', () => {
    const table = Object.fromEntries(telegram.commands.map((c) => [c.id, `${requiredMode(c)}/${c.action}/${c.risk}`]));
    expect(table).toEqual({
      'me.get': 'readonly/read/1',
      'chat.get': 'readonly/read/1',
      'message.send': 'write/write/2',
      'message.edit': 'write/write/2',
      'updates.list': 'readonly/read/1',
      'webhook.get': 'readonly/read/1',
      gateway: 'write/write/2',
    });
    expect(botUser.is_bot).toBe(true);
  });
});
