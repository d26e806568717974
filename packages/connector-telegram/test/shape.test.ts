// Issue 11 finding 7b: a 200 whose body lacks what the Bot API documents is the vendor's
// unexpected answer (BACKEND_UNAVAILABLE, exit 5), never INTERNAL_ERROR (exit 10).
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { bot, json, useTelegramApi } from './support/telegram.js';

const api = useTelegramApi();

describe('unexpected Bot API answers (issue 11 finding 7b)', () => {
  it.each([
    ['sendMessage {"ok":true,"result":{}}', 'sendMessage', { ok: true, result: {} }, ['--mode', 'write', 'message', 'send', '111', '--text', 'hi']],
    ['sendMessage {}', 'sendMessage', {}, ['--mode', 'write', 'message', 'send', '111', '--text', 'hi']],
    ['getUpdates result not an array', 'getUpdates', { ok: true, result: {} }, ['updates', 'list']],
    ['getMe without result', 'getMe', { ok: true }, ['me', 'get']],
    ['getUpdates items without update_id', 'getUpdates', { ok: true, result: [{}] }, ['updates', 'list']],
  ])('%s: BACKEND_UNAVAILABLE with details.expected and issues', async (_name, method, body, argv) => {
    api.server.use(bot(method, () => HttpResponse.json(body)));
    const { exitCode, envelope } = await json(argv);
    expect(exitCode).toBe(5);
    expect(envelope.error.code).toBe('BACKEND_UNAVAILABLE');
    expect(envelope.error.details.expected).toContain(method);
    expect(envelope.error.details.issues.length).toBeGreaterThan(0);
  });

  it('editMessageText answering true (an inline message) is still accepted', async () => {
    api.server.use(bot('editMessageText', () => HttpResponse.json({ ok: true, result: true })));
    const { exitCode } = await json(['--mode', 'write', 'message', 'edit', '111', '5', '--text', 'x']);
    expect(exitCode).toBe(0);
  });
});
