import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { authTestBot, channelsPage2, postMessageResponse } from './fixtures.js';
import { BOT_TOKEN, cli, json, method, reply, slackError, useSlackApi } from './support/slack.js';

const api = useSlackApi();
const list = (...flags: string[]) => json([...flags, 'channel', 'list']);
const post = (...flags: string[]) => json([...flags, '--mode', 'write', 'message', 'send', 'C123ABC456', '--text', 'hi']);

describe('Slack error codes (HTTP 200, ok:false) map to the contract', () => {
  for (const code of ['not_authed', 'invalid_auth', 'account_inactive', 'token_revoked']) {
    it(`${code} → AUTH_FAILED (exit 4)`, async () => {
      api.server.use(method('conversations.list', () => slackError(code)));
      const { exitCode, envelope } = await list();
      expect(exitCode).toBe(4);
      expect(envelope.error).toMatchObject({ code: 'AUTH_FAILED', message: `Slack conversations.list failed: ${code}`, details: { slack_error: code, http_status: 200, retryable: false } });
    });
  }

  it('missing_scope → AUTH_FAILED with the needed and provided scopes in details and a hint naming the scope', async () => {
    api.server.use(method('conversations.list', () => slackError('missing_scope', { needed: 'channels:read', provided: 'chat:write' })));
    const { exitCode, envelope } = await list();
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'Slack conversations.list failed: missing_scope (needs channels:read)',
      details: { needed: 'channels:read', provided: 'chat:write', slack_error: 'missing_scope' },
    });
    const human = await cli(['channel', 'list']);
    expect(human.stderr).toContain('Add the channels:read scope');
  });

  for (const code of ['channel_not_found', 'user_not_found', 'thread_not_found', 'message_not_found']) {
    it(`${code} → NOT_FOUND (exit 6)`, async () => {
      api.server.use(method('chat.postMessage', () => slackError(code)));
      const { exitCode, envelope } = await post();
      expect(exitCode).toBe(6);
      expect(envelope.error.code).toBe('NOT_FOUND');
    });
  }

  for (const code of ['invalid_arguments', 'invalid_blocks', 'no_text', 'is_archived']) {
    it(`${code} → VALIDATION_FAILED (exit 2)`, async () => {
      api.server.use(method('chat.postMessage', () => slackError(code)));
      const { exitCode, envelope } = await post();
      expect(exitCode).toBe(2);
      expect(envelope.error.code).toBe('VALIDATION_FAILED');
    });
  }

  it('not_in_channel → AUTH_FAILED with an /invite hint', async () => {
    api.server.use(method('chat.postMessage', () => slackError('not_in_channel')));
    const { exitCode } = await post();
    expect(exitCode).toBe(4);
    expect((await cli(['--mode', 'write', 'message', 'send', 'C123ABC456', '--text', 'hi'])).stderr).toContain('/invite');
  });

  it('internal_error → BACKEND_UNAVAILABLE, retryable (exit 5)', async () => {
    api.server.use(method('chat.postMessage', () => slackError('internal_error')));
    const { exitCode, envelope } = await post();
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { retryable: true } });
  });

  it('a Slack code in a non-2xx body still decides (400 channel_not_found → NOT_FOUND)', async () => {
    api.server.use(method('conversations.list', () => slackError('channel_not_found', {}, { status: 400 })));
    const { exitCode, envelope } = await list();
    expect(exitCode).toBe(6);
    expect(envelope.error).toMatchObject({ code: 'NOT_FOUND', details: { http_status: 400, slack_error: 'channel_not_found' } });
  });
});

describe('rate limits (HTTP 429 + Retry-After)', () => {
  it('a read past the deadline → RATE_LIMITED with retry_after_s at once (exit 5)', async () => {
    api.server.use(method('conversations.list', () => slackError('ratelimited', {}, { status: 429, headers: { 'retry-after': '30' } })));
    const started = Date.now();
    // Retry-After (30 s) is past the deadline (20 s): no wait at all, where waiting would take the whole 20 s.
    // The bound is half the deadline, so a busy machine cannot make a correct connector fail it.
    const { exitCode, envelope } = await list('--timeout-ms', '20000');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 429, retryable: true, retry_after_s: 30 } });
    expect(envelope.error.message).toContain('ratelimited');
    expect(api.requests).toHaveLength(1);
  });

  it('a read whose Retry-After fits the deadline waits, then succeeds', async () => {
    let calls = 0;
    api.server.use(method('conversations.list', () => (++calls === 1 ? slackError('ratelimited', {}, { status: 429, headers: { 'retry-after': '1' } }) : reply(channelsPage2))));
    const started = Date.now();
    const { exitCode } = await list('--timeout-ms', '5000');
    expect(exitCode).toBe(0);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a write is never retried on a 429', async () => {
    api.server.use(method('chat.postMessage', () => slackError('ratelimited', {}, { status: 429, headers: { 'retry-after': '1' } })));
    const { exitCode, envelope } = await post('--timeout-ms', '5000');
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_s: 1 } });
    expect(api.requests).toHaveLength(1);
  });

  it('ok:false "ratelimited" with HTTP 200 is RATE_LIMITED too', async () => {
    api.server.use(method('chat.postMessage', () => slackError('rate_limited')));
    const { exitCode, envelope } = await post();
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { retryable: true } });
  });

  it('5xx on a read is retried, then BACKEND_UNAVAILABLE', async () => {
    api.server.use(method('conversations.list', () => HttpResponse.text('upstream connect error', { status: 503 })));
    const { exitCode, envelope } = await list('--timeout-ms', '10000');
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { http_status: 503 } });
    expect(api.requests).toHaveLength(3);
  });
});

describe('health (auth.test)', () => {
  it('healthy with who the token is; POST with the bot token', async () => {
    api.server.use(method('auth.test', () => reply(authTestBot)));
    const { envelope } = await json(['health']);
    expect(envelope.data).toMatchObject({ status: 'healthy', checks: [{ name: 'credentials', ok: true }, { name: 'api', ok: true, detail: 'authenticated as bot (W23456789) in Subarachnoid Workspace' }] });
    expect(api.requests.map((r) => [r.method, new URL(r.url).pathname, r.headers.get('authorization')])).toEqual([['POST', '/api/auth.test', `Bearer ${BOT_TOKEN}`]]);
  });

  it('invalid_auth → status error with the credentials check failed (exit 0)', async () => {
    api.server.use(method('auth.test', () => slackError('invalid_auth')));
    const { exitCode, envelope } = await json(['health']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ status: 'error', ready: false, checks: [{ name: 'credentials', ok: false }, { name: 'api', ok: false }] });
  });

  it('without SLACK_BOT_TOKEN → needs_setup, nothing sent', async () => {
    const { envelope } = await json(['health'], { SLACK_BOT_TOKEN: undefined });
    expect(envelope.data).toMatchObject({ status: 'needs_setup', ready: false });
    expect(api.requests).toHaveLength(0);
    expect(postMessageResponse.ok).toBe(true);
  });
});
