import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readInbox, writeOutgoing } from '@aos-connectors/messaging';
import { NO_DEADLINE_MS, runGatewayUntil } from '@aos-connectors/testing';
import { compareTs } from '../src/gateway/ts.js';
import { authTestBot, channelInfoGeneral, channelInfoIm, gifFile, historyPage1, postMessageResponse, userInfo } from './fixtures.js';
import { BOT_TOKEN, describeRequest, json, method, reply, slackError, useSlackApi } from './support/slack.js';

const api = useSlackApi();
const NAME = 'slack-main';
const GENERAL = 'C012AB3CD';
const DM = 'D0C0F7S8Y';
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'aos-slack-gw-'));
});

/** The gateway in-process until `until()` holds (see runGatewayUntil): no wall-clock deadline. */
const gateway = (env: Record<string, string | undefined> = {}, until?: () => boolean | Promise<boolean>) =>
  runGatewayUntil(() => json(['--mode', 'write', '--timeout-ms', String(NO_DEADLINE_MS), 'gateway', '--home', home, '--name', NAME], { SLACK_CHANNELS: GENERAL, ...env }), until, api);
const count = (name: string) => api.requests.filter((r) => new URL(r.url).pathname === `/api/${name}`).length;
const exists = (...parts: string[]) => existsSync(join(home, ...parts));
const queued = (...parts: string[]) => (exists('messages', ...parts) ? files(...parts).length : 0);
const files = (...parts: string[]) => readdirSync(join(home, 'messages', ...parts)).filter((f) => f.endsWith('.json')).sort();
const calls = async (name: string) => (await Promise.all(api.requests.map(describeRequest))).filter((r) => r.path === `/api/${name}`);
const iso = (ts: string) => new Date(Number(ts.split('.')[0]) * 1000).toISOString();

/** A saved cursor, as a previous run would have left it. */
function seedCursor(cursor: Record<string, string>) {
  mkdirSync(join(home, 'state'), { recursive: true });
  writeFileSync(join(home, 'state', `${NAME}.json`), JSON.stringify({ version: 1, cursor, updated_at: new Date().toISOString() }));
}
const savedCursor = () => JSON.parse(readFileSync(join(home, 'state', `${NAME}.json`), 'utf8')).cursor;

const [punny, shoes] = historyPage1.messages;
/** What the app itself posted (chat.postMessage's documented message, from this app's bot). */
const own = { ...postMessageResponse.message, bot_id: authTestBot.bot_id, ts: '1512104500.000100' };
/** Another integration's message: chat.postMessage's documented bot_message. */
const ecto = { ...postMessageResponse.message, ts: '1512085960.000001' };
const joined = { type: 'message', subtype: 'channel_join', user: 'U222BBB222', text: '<@U222BBB222> has joined the channel', ts: '1512104450.000001' };
const broadcast = { type: 'message', subtype: 'thread_broadcast', user: 'U222BBB222', text: 'Also posting this to the channel', ts: '1512086000.000300', thread_ts: punny!.ts };
const shared = { type: 'message', subtype: 'file_share', user: 'U123ABC456', text: '', files: [gifFile], ts: '1512090000.000100' };

/** auth.test, conversations.info and users.info as a healthy workspace answers them. */
function serveWorkspace() {
  api.server.use(
    method('auth.test', () => reply(authTestBot)),
    method('conversations.info', ({ request }) => reply(new URL(request.url).searchParams.get('channel') === DM ? channelInfoIm : channelInfoGeneral)),
    method('users.info', ({ request }) => {
      const id = new URL(request.url).searchParams.get('user')!;
      return reply({ ...userInfo, user: { ...userInfo.user, id, name: id === 'U123ABC456' ? 'spengler' : 'venkman', profile: { ...userInfo.user.profile, display_name: id === 'U123ABC456' ? 'spengler' : 'Peter' } } });
    }),
  );
}

/** conversations.history answering per channel: newest-first pages keyed by the cursor that leads to them. */
function serveHistory(pages: Record<string, { messages: unknown[]; has_more: boolean; next_cursor?: string }[]>) {
  api.server.use(
    method('conversations.history', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const channelPages = pages[query.get('channel')!] ?? [{ messages: [], has_more: false }];
      const cursor = query.get('cursor');
      const page = cursor ? channelPages.find((_, i) => channelPages[i - 1]?.next_cursor === cursor)! : channelPages[0]!;
      // `oldest` is exclusive, as Slack applies it.
      const oldest = query.get('oldest');
      const messages = oldest ? page.messages.filter((m) => compareTs((m as { ts: string }).ts, oldest) > 0) : page.messages;
      return reply({ ok: true, messages, has_more: page.has_more && messages.length > 0, pin_count: 0, response_metadata: { next_cursor: page.next_cursor ?? '' } });
    }),
  );
}

describe('gateway: channel history → messages/inbox', () => {
  it('polls history after the saved ts, all pages, oldest first; skips its own and non-content messages; names authors once', async () => {
    serveWorkspace();
    serveHistory({
      [GENERAL]: [
        { messages: [own, joined, shoes, shared, broadcast, ecto], has_more: true, next_cursor: 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz' },
        { messages: [punny], has_more: false },
      ],
    });
    seedCursor({ [GENERAL]: '1512085900.000000' });
    // Until the second poll (after the newest ts seen) has been answered and all five are in the inbox.
    const { exitCode, envelope } = await gateway({}, async () => count('conversations.history') >= 3 && (await readInbox(home)).length === 5);
    expect(exitCode, JSON.stringify(envelope)).toBe(0);
    expect(envelope.data).toMatchObject({ instance: NAME, received: 5 });

    const general = { id: GENERAL, type: 'channel', name: 'general' };
    const connector = { type: 'slack', instance: NAME };
    const spengler = { id: 'U123ABC456', username: 'spengler', display_name: 'spengler' };
    const peter = { id: 'U222BBB222', username: 'venkman', display_name: 'Peter' };
    expect((await readInbox(home)).map((entry) => entry.message)).toEqual([
      { id: `slack:${GENERAL}:${punny!.ts}`, timestamp: iso(punny!.ts), connector, sender: spengler, content: { text: punny!.text, attachments: [] }, conversation: general },
      { id: `slack:${GENERAL}:${ecto.ts}`, timestamp: iso(ecto.ts), connector, sender: { id: 'B123ABC456', username: 'ecto1', display_name: 'ecto1' }, content: { text: ecto.text, attachments: [] }, conversation: general },
      { id: `slack:${GENERAL}:${broadcast.ts}`, timestamp: iso(broadcast.ts), connector, sender: peter, content: { text: broadcast.text, attachments: [] }, conversation: general, thread_id: punny!.ts },
      {
        id: `slack:${GENERAL}:${shared.ts}`, timestamp: iso(shared.ts), connector, sender: spengler,
        content: { text: '', attachments: [{ type: 'file', id: 'F0A12BCDE', name: 'tedair.gif', mime_type: 'image/gif', size: 137531, url: 'https://.../tedair.gif' }] },
        conversation: general,
      },
      { id: `slack:${GENERAL}:${shoes!.ts}`, timestamp: iso(shoes!.ts), connector, sender: peter, content: { text: shoes!.text, attachments: [] }, conversation: general },
    ]);

    const history = await calls('conversations.history');
    expect(history.slice(0, 3).map((r) => [r.method, r.query])).toEqual([
      ['GET', { channel: GENERAL, oldest: '1512085900.000000', limit: '200' }],
      ['GET', { channel: GENERAL, oldest: '1512085900.000000', limit: '200', cursor: 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz' }],
      // The next poll asks only for what came after the newest message seen.
      ['GET', { channel: GENERAL, oldest: own.ts, limit: '200' }],
    ]);
    expect((await calls('users.info')).map((r) => r.query.user).sort()).toEqual(['U123ABC456', 'U222BBB222']);
    expect(api.requests[0]!.headers.get('authorization')).toBe(`Bearer ${BOT_TOKEN}`);
    // The cursor moves to the newest ts seen, skipped messages included.
    expect(savedCursor()).toEqual({ [GENERAL]: own.ts });
  });

  it('a channel seen for the first time starts after its newest message: nothing is replayed; a DM is a dm', async () => {
    serveWorkspace();
    serveHistory({ [DM]: [{ messages: [{ type: 'message', user: 'U5R3PALPN', text: 'Psssst!', ts: '1513718191.000038' }], has_more: false }] });
    const cursorSaved = () => exists('state', `${NAME}.json`) && savedCursor()[DM] !== undefined;
    const { envelope } = await gateway({ SLACK_CHANNELS: `${DM}` }, cursorSaved);
    expect(envelope.data).toMatchObject({ received: 0 });
    expect(await readInbox(home)).toEqual([]);
    expect((await calls('conversations.history')).map((r) => r.query)).toEqual([{ channel: DM, limit: '1' }]);
    expect(savedCursor()).toEqual({ [DM]: '1513718191.000038' });

    // The next run reads after it, and names the conversation from conversations.info.
    api.requests.length = 0;
    serveHistory({ [DM]: [{ messages: [{ type: 'message', user: 'U27FFLNF4', text: 'are you there?', ts: '1513718200.000100' }], has_more: false }] });
    await gateway({ SLACK_CHANNELS: `${DM}` }, async () => (await readInbox(home)).length === 1);
    expect((await readInbox(home)).map((e) => [e.message.id, e.message.conversation])).toEqual([
      [`slack:${DM}:1513718200.000100`, { id: DM, type: 'dm', name: 'U27FFLNF4' }],
    ]);
  });

  it('stops with CONFIG_ERROR (exit 4) when SLACK_CHANNELS is unset or holds a #name, before any request', async () => {
    for (const channels of [undefined, '#general']) {
      const { exitCode, envelope } = await gateway({ SLACK_CHANNELS: channels });
      expect(exitCode).toBe(4);
      expect(envelope.error).toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringContaining('SLACK_CHANNELS') });
    }
    expect(api.requests).toHaveLength(0);
  });

  it('stops with CONFIG_ERROR when a configured channel does not exist, and AUTH_FAILED on a bad token', async () => {
    api.server.use(method('auth.test', () => reply(authTestBot)), method('conversations.info', () => slackError('channel_not_found')));
    const missing = await gateway();
    expect(missing.exitCode).toBe(4);
    expect(missing.envelope.error).toMatchObject({ code: 'CONFIG_ERROR', message: `SLACK_CHANNELS lists ${GENERAL}, which Slack does not find for this token` });
    api.server.use(method('auth.test', () => slackError('invalid_auth')));
    const refused = await gateway();
    expect(refused.exitCode).toBe(4);
    expect(refused.envelope.error).toMatchObject({ code: 'AUTH_FAILED', message: 'Slack auth.test failed: invalid_auth' });
  });
});

describe('gateway: messages/outbox → chat.postMessage', () => {
  it('posts each outbox file (thread_id → thread_ts) as JSON and deletes it once Slack accepted it', async () => {
    serveWorkspace();
    serveHistory({});
    seedCursor({ [GENERAL]: '1512085900.000000' });
    api.server.use(method('chat.postMessage', () => reply(postMessageResponse)));
    await writeOutgoing(home, NAME, { conversation_id: 'C123ABC456', text: 'Deployed', thread_id: '1503435956.000247' });
    await writeOutgoing(home, NAME, { conversation_id: DM, text: 'Done' });
    const { envelope, stderr } = await gateway({}, () => count('chat.postMessage') === 2 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ sent: 2, failed: 0 });
    const posts = await calls('chat.postMessage');
    expect(posts.map((r) => [r.method, r.body])).toEqual([
      ['POST', { channel: 'C123ABC456', text: 'Deployed', thread_ts: '1503435956.000247' }],
      ['POST', { channel: DM, text: 'Done' }],
    ]);
    const request = api.requests.find((r) => r.url.endsWith('/chat.postMessage'))!;
    expect(request.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(stderr).toContain('platform id C123ABC456/1503435956.000247');
    expect(files('outbox', NAME)).toEqual([]);
  });

  it('a permanent failure (channel_not_found) goes to messages/failed/ with its error envelope', async () => {
    serveWorkspace();
    serveHistory({});
    seedCursor({ [GENERAL]: '1512085900.000000' });
    api.server.use(method('chat.postMessage', () => slackError('channel_not_found')));
    const file = await writeOutgoing(home, NAME, { conversation_id: 'C0GONE', text: 'hello?' });
    const { envelope } = await gateway({}, () => queued('failed') === 2 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ sent: 0, failed: 1, retries: 0 });
    const stem = file.replace(/\.json$/, '');
    expect(files('failed')).toEqual([`${NAME}.${stem}.error.json`, `${NAME}.${stem}.json`]);
    expect(JSON.parse(readFileSync(join(home, 'messages', 'failed', `${NAME}.${stem}.error.json`), 'utf8'))).toMatchObject({
      ok: false,
      tool: 'aos-slack',
      command: 'gateway.send',
      error: { code: 'NOT_FOUND', message: 'Slack chat.postMessage failed: channel_not_found', details: { slack_error: 'channel_not_found', instance: NAME, attempts: 1 } },
    });
  });

  it('retries transient failures: a 429 after its Retry-After, a service_unavailable with backoff, then sent', async () => {
    serveWorkspace();
    serveHistory({});
    seedCursor({ [GENERAL]: '1512085900.000000' });
    let posts = 0;
    api.server.use(
      method('chat.postMessage', () => {
        posts += 1;
        if (posts === 1) return slackError('ratelimited', {}, { status: 429, headers: { 'retry-after': '1' } });
        if (posts === 2) return slackError('service_unavailable');
        return reply(postMessageResponse);
      }),
    );
    await writeOutgoing(home, NAME, { conversation_id: 'C123ABC456', text: 'eventually' });
    // The waits (Retry-After 1 s, then backoff) are the gateway's; the test waits for the send.
    const { envelope, stderr } = await gateway({}, () => posts === 3 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ sent: 1, failed: 0, retries: 2 });
    expect(posts).toBe(3);
    expect(stderr).toMatch(/RATE_LIMITED[\s\S]*BACKEND_UNAVAILABLE/);
    expect(files('outbox', NAME)).toEqual([]);
  });
});

describe('gateway: --dry-run', () => {
  it('plans without reading settings or sending anything, even before SLACK_CHANNELS is set', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'gateway', '--home', '/tmp/aos-home', '--name', NAME], { SLACK_CHANNELS: undefined });
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ dry_run: true, plan: { instance: NAME, adapter: 'slack' } });
    expect(api.requests).toHaveLength(0);
  });
});
