import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { readInbox, writeOutgoing } from '@aos-connectors/messaging';
import { NO_DEADLINE_MS, runGatewayUntil } from '@aos-connectors/testing';
import { botUser, forum, privateChat, sentMessage, updates } from './fixtures.js';
import { bot, json, ok, tgError, TOKEN, useTelegramApi } from './support/telegram.js';

const api = useTelegramApi();
const NAME = 'tg';
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'aos-telegram-gw-'));
});

const dir = (...parts: string[]) => join(home, 'messages', ...parts);
const files = (...parts: string[]) => readdirSync(dir(...parts)).filter((f) => f.endsWith('.json')).sort();
const queued = (...parts: string[]) => (existsSync(dir(...parts)) ? files(...parts).length : 0);
const count = (method: string) => api.requests.filter((r) => r.url.endsWith(`/${method}`)).length;
const inboxed = async () => (await readInbox(home)).length;

/** The gateway in-process until `until()` holds (see runGatewayUntil): no wall-clock deadline. */
const gateway = (until?: () => boolean | Promise<boolean>) =>
  runGatewayUntil(() => json(['--mode', 'write', '--timeout-ms', String(NO_DEADLINE_MS), 'gateway', '--home', home, '--name', NAME]), until, api);
const bodies = (method: string) =>
  Promise.all(api.requests.filter((r) => r.url.endsWith(`/${method}`)).map(async (r) => JSON.parse(await r.clone().text())));

/** getUpdates answering `batches` in turn, then holding each call open briefly with nothing new (a long poll). */
function serveUpdates(...batches: unknown[][]) {
  const queue = [...batches];
  api.server.use(
    bot('getMe', () => ok(botUser)),
    bot('getUpdates', async () => {
      const next = queue.shift();
      if (next) return ok(next);
      await delay(150);
      return ok([]);
    }),
  );
}

describe('gateway: Telegram updates → messages/inbox', () => {
  it('long-polls getUpdates after getMe and writes each message update once, in the Message shape', async () => {
    serveUpdates(updates);
    // Until the next poll (which confirms the offset) has been answered, all five in the inbox.
    const { exitCode, envelope } = await gateway(async () => count('getUpdates') >= 2 && (await inboxed()) === 5);
    expect(exitCode, JSON.stringify(envelope)).toBe(0);
    expect(envelope.data).toMatchObject({ instance: NAME, received: 5, duplicates: 0 });
    expect(api.requests[0]!.url).toMatch(/\/getMe$/);

    const inbox = (await readInbox(home)).map((entry) => entry.message);
    const connector = { type: 'telegram', instance: NAME };
    expect(inbox).toEqual([
      {
        id: 'telegram:111111111:10',
        timestamp: '2026-01-01T00:00:00.000Z',
        connector,
        sender: { id: '111111111', username: 'annlee', display_name: 'Ann Lee' },
        content: { text: 'hello bot', attachments: [] },
        conversation: { id: '111111111', type: 'dm', name: 'Ann Lee' },
      },
      {
        id: 'telegram:-4012345678:11',
        timestamp: '2026-01-01T00:01:00.000Z',
        connector,
        sender: { id: '111111111', username: 'annlee', display_name: 'Ann Lee' },
        content: { text: 'the dashboard', attachments: [{ type: 'photo', file_id: 'AgACAgQAAxkBAAMLlarge', width: 1280, height: 853, size: 98765 }] },
        conversation: { id: '-4012345678', type: 'group', name: 'Ops' },
      },
      {
        id: 'telegram:-1001234567890:12',
        timestamp: '2026-01-01T00:02:00.000Z',
        connector,
        sender: { id: '111111111', username: 'annlee', display_name: 'Ann Lee' },
        content: {
          text: '',
          attachments: [{ type: 'document', file_id: 'BQACAgQAAxkBAAMMdoc', name: 'release-notes.pdf', mime_type: 'application/pdf', size: 52344 }],
        },
        conversation: { id: '-1001234567890', type: 'group', name: 'Release crew' },
        thread_id: '7',
      },
      {
        id: 'telegram:-1009876543210:99',
        timestamp: '2026-01-01T00:03:00.000Z',
        connector,
        sender: { id: '-1009876543210', username: 'status_feed', display_name: 'Status' },
        content: { text: 'All systems go', attachments: [] },
        conversation: { id: '-1009876543210', type: 'channel', name: 'Status' },
      },
      {
        id: 'telegram:111111111:10:edited:1767225900',
        timestamp: '2026-01-01T00:05:00.000Z',
        connector,
        sender: { id: '111111111', username: 'annlee', display_name: 'Ann Lee' },
        content: { text: 'hello bot!', attachments: [] },
        conversation: { id: '111111111', type: 'dm', name: 'Ann Lee' },
      },
    ]);

    const polls = await bodies('getUpdates');
    const allowed_updates = ['message', 'edited_message', 'channel_post'];
    expect(polls[0]).toEqual({ timeout: 25, allowed_updates });
    // The next poll confirms everything up to the last update, the service message included.
    expect(polls[1]).toEqual({ offset: 900000007, timeout: 25, allowed_updates });
    const state = JSON.parse(readFileSync(join(home, 'state', `${NAME}.json`), 'utf8'));
    expect(state).toMatchObject({ version: 1, cursor: { offset: 900000007 } });
  });

  it('resumes from the saved offset after a restart, and drops redelivered updates by id', async () => {
    serveUpdates(updates.slice(0, 2));
    await gateway(async () => count('getUpdates') >= 2 && (await inboxed()) === 2);
    // As after a crash between the inbox write and the next poll: Telegram sends the same updates again.
    serveUpdates(updates.slice(0, 2));
    api.requests.length = 0;
    const { envelope } = await gateway(() => count('getUpdates') >= 2);
    expect(envelope.data).toMatchObject({ received: 0, duplicates: 2 });
    expect(await readInbox(home)).toHaveLength(2);
    const polls = await bodies('getUpdates');
    expect(polls[0]).toMatchObject({ offset: 900000003 });
  });

  it('stops at once with AUTH_FAILED (exit 4) when getMe refuses the token', async () => {
    api.server.use(bot('getMe', () => tgError(401, 'Unauthorized')));
    // No deadline and no stop: only the gateway giving up by itself ends this run.
    const { exitCode, envelope } = await gateway();
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'AUTH_FAILED', message: 'GET /bot[REDACTED]/getMe was refused (HTTP 401): Unauthorized' });
  });

  it('keeps polling after a 409 from another getUpdates caller (reconnects with backoff)', async () => {
    let calls = 0;
    api.server.use(
      bot('getMe', () => ok(botUser)),
      bot('getUpdates', async () => {
        calls += 1;
        if (calls === 1) return tgError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
        if (calls === 2) return ok(updates.slice(0, 1));
        await delay(150);
        return ok([]);
      }),
    );
    const { exitCode, envelope, stderr } = await gateway(async () => calls >= 3 && (await inboxed()) === 1);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ received: 1 });
    // A poll in flight at the stop may be counted as a second reconnect.
    expect(envelope.data.reconnects).toBeGreaterThanOrEqual(1);
    expect(stderr).toMatch(/receive: CONFLICT: POST \/bot\[REDACTED\]\/getUpdates conflicts .*; reconnecting in \d+ ms/);
  });
});

describe('gateway: messages/outbox → sendMessage', () => {
  it('sends each outbox file as plain text (thread_id → message_thread_id) and deletes it once accepted', async () => {
    serveUpdates();
    api.server.use(bot('sendMessage', () => ok(sentMessage(forum, 45, 'Deployed'))));
    await writeOutgoing(home, NAME, { conversation_id: '-1001234567890', text: 'Deployed', thread_id: '7' });
    await writeOutgoing(home, NAME, { conversation_id: '@release_crew', text: 'Next up: docs' });
    const { exitCode, envelope } = await gateway(() => count('sendMessage') === 2 && queued('outbox', NAME) === 0);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ sent: 2, failed: 0 });
    expect(await bodies('sendMessage')).toEqual([
      { chat_id: -1001234567890, text: 'Deployed', message_thread_id: 7 },
      { chat_id: '@release_crew', text: 'Next up: docs' },
    ]);
    expect(files('outbox', NAME)).toEqual([]);
  });

  it('splits text over 4096 characters into several messages, in order', async () => {
    serveUpdates();
    api.server.use(bot('sendMessage', () => ok(sentMessage(privateChat, 46, '...'))));
    const text = `${'a'.repeat(3000)}\n${'b'.repeat(3000)}`;
    await writeOutgoing(home, NAME, { conversation_id: '111111111', text });
    await gateway(() => count('sendMessage') === 2 && queued('outbox', NAME) === 0);
    const sent = await bodies('sendMessage');
    expect(sent.map((b) => b.text)).toEqual([`${'a'.repeat(3000)}\n`, 'b'.repeat(3000)]);
  });

  it('a permanent failure (400 chat not found) goes to messages/failed/ with its error envelope, token-free', async () => {
    serveUpdates();
    api.server.use(bot('sendMessage', () => tgError(400, 'Bad Request: chat not found')));
    const file = await writeOutgoing(home, NAME, { conversation_id: '-100999', text: 'hello?' });
    const { envelope } = await gateway(() => queued('failed') === 2 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ sent: 0, failed: 1, retries: 0 });
    expect(files('outbox', NAME)).toEqual([]);
    const stem = file.replace(/\.json$/, '');
    expect(files('failed')).toEqual([`${NAME}.${stem}.error.json`, `${NAME}.${stem}.json`]);
    expect(JSON.parse(readFileSync(dir('failed', `${NAME}.${stem}.json`), 'utf8'))).toEqual({ conversation_id: '-100999', text: 'hello?' });
    const errorFile = readFileSync(dir('failed', `${NAME}.${stem}.error.json`), 'utf8');
    expect(JSON.parse(errorFile)).toMatchObject({
      ok: false,
      tool: 'aos-telegram',
      command: 'gateway.send',
      error: { code: 'NOT_FOUND', message: 'POST /bot[REDACTED]/sendMessage was rejected as invalid (HTTP 400): Bad Request: chat not found', details: { http_status: 400, instance: NAME, attempts: 1 } },
    });
    expect(errorFile).not.toContain(TOKEN);
  });

  it('retries a transient failure: a 502, then a 429 after parameters.retry_after, then sent', async () => {
    serveUpdates();
    let calls = 0;
    api.server.use(
      bot('sendMessage', () => {
        calls += 1;
        if (calls === 1) return tgError(502, 'Bad Gateway');
        if (calls === 2) return tgError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
        return ok(sentMessage(privateChat, 47, 'eventually'));
      }),
    );
    await writeOutgoing(home, NAME, { conversation_id: '111111111', text: 'eventually' });
    const started = Date.now();
    // The waits (backoff, then retry_after 1 s) are the gateway's; the test waits for the send.
    const { envelope, stderr } = await gateway(() => calls === 3 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ sent: 1, failed: 0, retries: 2 });
    expect(calls).toBe(3);
    expect(stderr).toMatch(/RATE_LIMITED/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(files('outbox', NAME)).toEqual([]);
  });

  it('a thread_id that is not a topic id fails for good, without a request', async () => {
    serveUpdates();
    await writeOutgoing(home, NAME, { conversation_id: '111111111', text: 'x', thread_id: '1512085950.000216' });
    const { envelope } = await gateway(() => queued('failed') === 2 && queued('outbox', NAME) === 0);
    expect(envelope.data).toMatchObject({ failed: 1 });
    expect(await bodies('sendMessage')).toEqual([]);
  });
});

describe('gateway: --dry-run', () => {
  it('plans without a request, in any mode', async () => {
    const { exitCode, envelope } = await json(['--dry-run', 'gateway', '--home', home, '--name', NAME]);
    expect(exitCode).toBe(0);
    expect(envelope.data).toMatchObject({ dry_run: true, plan: { instance: NAME, adapter: 'telegram' } });
    expect(api.requests).toHaveLength(0);
  });
});
