import { describe, expect, it } from 'vitest';
import { botUser, noWebhook, supergroupInfo, updates } from './fixtures.js';
import { bot, describeRequest, json, ok, useTelegramApi } from './support/telegram.js';

const api = useTelegramApi();

describe('me.get (getMe)', () => {
  it('GETs /bot<token>/getMe and returns the bot user', async () => {
    api.server.use(bot('getMe', () => ok(botUser)));
    const { exitCode, envelope } = await json(['me', 'get']);
    expect(exitCode).toBe(0);
    expect(envelope).toMatchObject({ ok: true, command: 'me.get', data: botUser });
    expect(await Promise.all(api.requests.map(describeRequest))).toEqual([{ method: 'GET', path: '/bot<token>/getMe', query: {}, body: null }]);
    expect(api.requests[0]!.headers.get('accept')).toBe('application/json');
    expect(api.requests[0]!.headers.get('authorization')).toBeNull();
    expect(api.requests[0]!.headers.get('user-agent')).toMatch(/^aos-telegram\/\d+\.\d+\.\d+/);
  });

  it('TELEGRAM_API_URL points at a self-hosted Bot API server', async () => {
    const { http, HttpResponse } = await import('msw');
    api.server.use(http.get('http://bot-api.internal:8081/:path/getMe', () => HttpResponse.json({ ok: true, result: botUser })));
    const { exitCode } = await json(['me', 'get'], { TELEGRAM_API_URL: 'http://bot-api.internal:8081' });
    expect(exitCode).toBe(0);
    expect(new URL(api.requests[0]!.url).origin).toBe('http://bot-api.internal:8081');
  });
});

describe('chat.get (getChat)', () => {
  it('passes chat_id as a query parameter, numeric or @username', async () => {
    api.server.use(bot('getChat', () => ok(supergroupInfo)));
    const byId = await json(['chat', 'get', '-1001234567890']);
    expect(byId.envelope.data).toEqual(supergroupInfo);
    await json(['chat', 'get', '@release_crew']);
    const sent = await Promise.all(api.requests.map(describeRequest));
    expect(sent.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/bot<token>/getChat', { chat_id: '-1001234567890' }],
      ['GET', '/bot<token>/getChat', { chat_id: '@release_crew' }],
    ]);
  });

  it('refuses a chat that is neither an id nor an @username, before any request (exit 2)', async () => {
    const { exitCode, envelope } = await json(['chat', 'get', 'release crew']);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({ code: 'INVALID_USAGE' });
    expect(envelope.error.message).toMatch(/--chat/);
    expect(api.requests).toHaveLength(0);
  });
});

describe('webhook.get (getWebhookInfo)', () => {
  it('returns the WebhookInfo', async () => {
    api.server.use(bot('getWebhookInfo', () => ok(noWebhook)));
    const { exitCode, envelope } = await json(['webhook', 'get']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual(noWebhook);
    expect((await describeRequest(api.requests[0]!)).path).toBe('/bot<token>/getWebhookInfo');
  });
});

describe('updates.list (getUpdates, a peek)', () => {
  it('never sends offset (nothing is confirmed), asks for --limit with timeout 0, and is one page', async () => {
    api.server.use(bot('getUpdates', () => ok(updates.slice(0, 2))));
    const { exitCode, envelope } = await json(['updates', 'list', '--limit', '2']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({ updates: updates.slice(0, 2), next_cursor: null, has_more: false });
    expect(await Promise.all(api.requests.map(describeRequest))).toEqual([
      { method: 'GET', path: '/bot<token>/getUpdates', query: { limit: '2', timeout: '0' }, body: null },
    ]);
  });

  it('takes no --cursor: paging would need offset, which confirms updates', async () => {
    const { exitCode, envelope } = await json(['updates', 'list', '--cursor', '900000002']);
    expect(exitCode).toBe(2);
    expect(envelope.error.message).toBe('updates list returns a single page and takes no --cursor');
    expect(api.requests).toHaveLength(0);
  });

  it('asks for 100 (Telegram\'s most) by default', async () => {
    api.server.use(bot('getUpdates', () => ok([])));
    const { envelope } = await json(['updates', 'list']);
    expect(envelope.data).toEqual({ updates: [], next_cursor: null, has_more: false });
    expect(new URL(api.requests[0]!.url).searchParams.get('limit')).toBe('100');
  });
});
