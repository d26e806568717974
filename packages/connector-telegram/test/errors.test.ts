import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { botUser } from './fixtures.js';
import { bot, cli, json, ok, tgError, TOKEN, useTelegramApi } from './support/telegram.js';

const api = useTelegramApi();
const send = (...flags: string[]) => json([...flags, '--mode', 'write', 'message', 'send', '-1001234567890', '--text', 'hi']);

describe('Telegram errors map to the contract', () => {
  it('401 Unauthorized → AUTH_FAILED (exit 4), with a BotFather hint and the path redacted in the message', async () => {
    api.server.use(bot('getMe', () => tgError(401, 'Unauthorized')));
    const { exitCode, envelope } = await json(['me', 'get']);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({
      code: 'AUTH_FAILED',
      message: 'GET /bot[REDACTED]/getMe was refused (HTTP 401): Unauthorized',
      details: { http_status: 401, retryable: false, vendor_error: { ok: false, error_code: 401, description: 'Unauthorized' } },
    });
  });

  it('400 "Bad Request: chat not found" → NOT_FOUND (exit 6)', async () => {
    api.server.use(bot('sendMessage', () => tgError(400, 'Bad Request: chat not found')));
    const { exitCode, envelope } = await send();
    expect(exitCode).toBe(6);
    expect(envelope.error).toMatchObject({ code: 'NOT_FOUND', details: { http_status: 400 } });
    expect(envelope.error.message).toContain('Bad Request: chat not found');
  });

  it('any other 400 → VALIDATION_FAILED (exit 2)', async () => {
    api.server.use(bot('sendMessage', () => tgError(400, "Bad Request: can't parse entities: Unsupported start tag \"b\" at byte offset 0")));
    const { exitCode, envelope } = await send();
    expect(exitCode).toBe(2);
    expect(envelope.error.code).toBe('VALIDATION_FAILED');
  });

  it('403 "Forbidden: bot was blocked by the user" → AUTH_FAILED (exit 4)', async () => {
    api.server.use(bot('sendMessage', () => tgError(403, 'Forbidden: bot was blocked by the user')));
    const { exitCode, envelope } = await send();
    expect(exitCode).toBe(4);
    expect(envelope.error.message).toContain('bot was blocked by the user');
  });

  it('429 → RATE_LIMITED with retry_after_s from parameters.retry_after; a write is sent once', async () => {
    api.server.use(bot('sendMessage', () => tgError(429, 'Too Many Requests: retry after 35', { retry_after: 35 })));
    const { exitCode, envelope } = await send();
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 429, retryable: true, retry_after_s: 35 } });
    expect(envelope.error.message).toContain('retry in 35 s');
    expect(api.requests).toHaveLength(1);
  });

  it('5xx on a read → retried, then BACKEND_UNAVAILABLE (exit 5)', async () => {
    api.server.use(bot('getMe', () => tgError(502, 'Bad Gateway')));
    const { exitCode, envelope } = await json(['--timeout-ms', '10000', 'me', 'get']);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { http_status: 502, retryable: true } });
    expect(api.requests).toHaveLength(3);
  });

  it('a 5xx on a read that then answers → success', async () => {
    let calls = 0;
    api.server.use(bot('getMe', () => (++calls === 1 ? tgError(500, 'Internal Server Error') : ok(botUser))));
    const { exitCode } = await json(['me', 'get']);
    expect(exitCode).toBe(0);
    expect(calls).toBe(2);
  });

  it('409 while a webhook is set → CONFIG_ERROR (exit 4) with a deleteWebhook hint', async () => {
    api.server.use(bot('getUpdates', () => tgError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")));
    const { exitCode, envelope } = await json(['updates', 'list']);
    expect(exitCode).toBe(4);
    expect(envelope.error.code).toBe('CONFIG_ERROR');
    const human = await cli(['updates', 'list']);
    expect(human.stderr).toContain('deleteWebhook');
  });

  it('409 from another getUpdates caller → CONFLICT (exit 2)', async () => {
    api.server.use(bot('getUpdates', () => tgError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running')));
    const { exitCode, envelope } = await json(['updates', 'list']);
    expect(exitCode).toBe(2);
    expect(envelope.error.code).toBe('CONFLICT');
  });

  it('{ok:false} inside a 200 is still an error', async () => {
    api.server.use(bot('getChat', () => HttpResponse.json({ ok: false, error_code: 400, description: 'Bad Request: chat not found' })));
    const { exitCode, envelope } = await json(['chat', 'get', '-100123']);
    expect(exitCode).toBe(6);
    expect(envelope.error).toMatchObject({ code: 'NOT_FOUND', message: 'Telegram getChat failed (error 400): Bad Request: chat not found' });
  });
});

describe('the token never leaves the process', () => {
  it('--verbose, the audit log, errors and a vendor echo all show /bot[REDACTED]/', async () => {
    api.server.use(bot('getMe', ({ request }) => tgError(500, `echo ${request.url}`)));
    const result = await json(['--verbose', '--timeout-ms', '5000', 'me', 'get']);
    expect(result.stderr).toContain('/bot[REDACTED]/getMe');
    expect(result.envelope.error.details.vendor_error.description).toContain('/bot[REDACTED]/getMe');
    expect(result.audit()[0]!.http[0]).toMatchObject({ method: 'GET', url: 'https://api.telegram.org/bot[REDACTED]/getMe', status: 500 });
    for (const text of [result.stdout, result.stderr, JSON.stringify(result.audit())]) expect(text).not.toContain(TOKEN);
  });
});
