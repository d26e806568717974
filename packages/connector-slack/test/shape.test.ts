// Issue 11 finding 7b: a 200 without the fields a Web API method documents is Slack's unexpected
// answer (BACKEND_UNAVAILABLE, exit 5), never INTERNAL_ERROR (exit 10).
import { describe, expect, it } from 'vitest';
import { json, method, reply, useSlackApi } from './support/slack.js';

const api = useSlackApi();

describe('unexpected Web API answers (issue 11 finding 7b)', () => {
  it.each([
    ['chat.postMessage {"ok":true}', 'chat.postMessage', { ok: true }, ['--mode', 'write', 'message', 'send', '--channel', 'C1', '--text', 'hi']],
    ['conversations.list without channels', 'conversations.list', { ok: true }, ['channel', 'list']],
    ['users.list members not an array', 'users.list', { ok: true, members: {} }, ['user', 'list']],
  ])('%s: BACKEND_UNAVAILABLE with details.expected', async (_name, name, body, argv) => {
    api.server.use(method(name, () => reply(body)));
    const { exitCode, envelope } = await json(argv);
    expect(envelope.error?.code).toBe('BACKEND_UNAVAILABLE');
    expect(exitCode).toBe(5);
    expect(envelope.error.details.expected).toContain(name);
  });
});
