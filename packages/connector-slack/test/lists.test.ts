import { describe, expect, it } from 'vitest';
import { channelsPage1, channelsPage2, historyPage1, historyPage2, searchResults, usersPage1 } from './fixtures.js';
import { BOT_TOKEN, describeRequest, json, method, paged, reply, slackError, USER_TOKEN, useSlackApi } from './support/slack.js';

const api = useSlackApi();
const sent = () => Promise.all(api.requests.map(describeRequest));
const lastUsers = { ...usersPage1, members: usersPage1.members.slice(1), response_metadata: { next_cursor: '' } };

describe('channel.list (conversations.list)', () => {
  it('GETs with the Bearer bot token, limit, types and exclude_archived; next_cursor and has_more from response_metadata', async () => {
    api.server.use(paged('conversations.list', [channelsPage1, channelsPage2]));
    const { exitCode, envelope } = await json(['channel', 'list', '--types', 'public_channel,im', '--types', 'mpim', '--exclude-archived', '--limit', '2']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({ channels: channelsPage1.channels, next_cursor: 'dGVhbTpDMDYxRkE1UEI=', has_more: true });
    expect(await sent()).toEqual([
      { method: 'GET', path: '/api/conversations.list', query: { types: 'public_channel,im,mpim', exclude_archived: 'true', limit: '2' }, body: null },
    ]);
    expect(api.requests[0]!.headers.get('authorization')).toBe(`Bearer ${BOT_TOKEN}`);
    expect(envelope.meta.request_ids).toEqual(['a1b2c3d4e5f6']);
  });

  it('follows next_cursor across pages until --limit, and stops at an empty next_cursor', async () => {
    api.server.use(paged('conversations.list', [channelsPage1, channelsPage2]));
    const { envelope } = await json(['channel', 'list', '--limit', '10']);
    expect(envelope.data).toEqual({ channels: [...channelsPage1.channels, ...channelsPage2.channels], next_cursor: null, has_more: false });
    expect((await sent()).map((r) => r.query)).toEqual([{ limit: '10' }, { limit: '8', cursor: 'dGVhbTpDMDYxRkE1UEI=' }]);
  });

  it('--cursor resumes and --all streams every page (200 a page)', async () => {
    api.server.use(paged('conversations.list', [channelsPage1, channelsPage2]));
    const resumed = await json(['channel', 'list', '--cursor', 'dGVhbTpDMDYxRkE1UEI=']);
    expect(resumed.envelope.data.channels.map((c: { id: string }) => c.id)).toEqual(['G0AKFJBEU', 'D0C0F7S8Y', 'D0BSHH4AD']);
    api.requests.length = 0;
    const all = await json(['channel', 'list', '--all']);
    expect(all.envelope).toMatchObject({ ok: true, data: { next_cursor: null, has_more: false } });
    expect(all.envelope.data.channels).toHaveLength(5);
    expect((await sent()).map((r) => r.query.limit)).toEqual(['200', '200']);
  });

  it('a stale cursor → VALIDATION_FAILED (exit 2)', async () => {
    api.server.use(method('conversations.list', () => slackError('invalid_cursor')));
    const { exitCode, envelope } = await json(['channel', 'list', '--cursor', 'bogus']);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Slack conversations.list failed: invalid_cursor', details: { slack_error: 'invalid_cursor', http_status: 200 } });
  });
});

describe('message.history (conversations.history)', () => {
  it('GETs channel, oldest, latest, inclusive and limit; pages with the cursor', async () => {
    api.server.use(paged('conversations.history', [historyPage1, historyPage2]));
    const { exitCode, envelope } = await json(['message', 'history', 'C012AB3CD', '--oldest', '1512085000.000000', '--latest', '1512105000', '--inclusive', '--limit', '4']);
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({ messages: [...historyPage1.messages, ...historyPage2.messages], next_cursor: null, has_more: false });
    expect((await sent()).map((r) => r.query)).toEqual([
      { channel: 'C012AB3CD', oldest: '1512085000.000000', latest: '1512105000', inclusive: 'true', limit: '4' },
      { channel: 'C012AB3CD', oldest: '1512085000.000000', latest: '1512105000', inclusive: 'true', limit: '2', cursor: 'bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz' },
    ]);
  });

  it('refuses a #name for the channel, before any request', async () => {
    const { exitCode, envelope } = await json(['message', 'history', '#general']);
    expect(exitCode).toBe(2);
    expect(envelope.error.message).toMatch(/--channel/);
    expect(api.requests).toHaveLength(0);
  });

  it('channel_not_found → NOT_FOUND (exit 6)', async () => {
    api.server.use(method('conversations.history', () => slackError('channel_not_found')));
    const { exitCode, envelope } = await json(['message', 'history', 'C0NOTHERE']);
    expect(exitCode).toBe(6);
    expect(envelope.error).toMatchObject({ code: 'NOT_FOUND', details: { slack_error: 'channel_not_found', vendor_error: { ok: false, error: 'channel_not_found' } } });
  });
});

describe('user.list (users.list)', () => {
  it('returns members under "users" and follows the cursor', async () => {
    api.server.use(paged('users.list', [usersPage1, lastUsers]));
    const first = await json(['user', 'list', '--limit', '2']);
    expect(first.envelope.data).toEqual({ users: usersPage1.members, next_cursor: 'dXNlcjpVMEc5V0ZYTlo=', has_more: true });
    const next = await json(['user', 'list', '--cursor', 'dXNlcjpVMEc5V0ZYTlo=']);
    expect(next.envelope.data).toEqual({ users: lastUsers.members, next_cursor: null, has_more: false });
    expect((await sent()).map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/api/users.list', { limit: '2' }],
      ['GET', '/api/users.list', { limit: '30', cursor: 'dXNlcjpVMEc5V0ZYTlo=' }],
    ]);
  });
});

describe('message.search (search.messages)', () => {
  it('sends the user token, not the bot token; query, sort, count and page; total from pagination', async () => {
    api.server.use(method('search.messages', () => reply(searchResults)));
    const { exitCode, envelope } = await json(['message', 'search', 'The meaning of life', '--sort', 'timestamp', '--sort-dir', 'asc', '--limit', '20'], { SLACK_USER_TOKEN: USER_TOKEN });
    expect(exitCode).toBe(0);
    expect(envelope.data).toEqual({ messages: searchResults.messages.matches, next_cursor: null, has_more: false, total: 2 });
    expect(await sent()).toEqual([
      { method: 'GET', path: '/api/search.messages', query: { query: 'The meaning of life', sort: 'timestamp', sort_dir: 'asc', count: '20', page: '1' }, body: null },
    ]);
    expect(api.requests[0]!.headers.get('authorization')).toBe(`Bearer ${USER_TOKEN}`);
  });

  it('pages by number, keeping the page size in the cursor', async () => {
    const manyPages = { ...searchResults, messages: { ...searchResults.messages, pagination: { ...searchResults.messages.pagination, page_count: 3, per_page: 2, total_count: 6 } } };
    api.server.use(method('search.messages', () => reply(manyPages)));
    const first = await json(['message', 'search', 'meaning', '--limit', '2'], { SLACK_USER_TOKEN: USER_TOKEN });
    expect(first.envelope.data).toMatchObject({ next_cursor: '2:2', has_more: true, total: 6 });
    await json(['message', 'search', 'meaning', '--cursor', '2:2', '--limit', '1'], { SLACK_USER_TOKEN: USER_TOKEN });
    expect((await sent()).map((r) => [r.query.page, r.query.count])).toEqual([['1', '2'], ['2', '2']]);
  });

  it('without SLACK_USER_TOKEN: AUTH_REQUIRED (exit 4) naming it, nothing sent; doctor lists it as missing', async () => {
    const { exitCode, envelope } = await json(['message', 'search', 'meaning']);
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'AUTH_REQUIRED', details: { missing: ['SLACK_USER_TOKEN'] } });
    expect(api.requests).toHaveLength(0);
    const doctor = await json(['doctor']);
    expect(doctor.envelope.data.commands['message.search']).toEqual({ ready: false, missing: ['SLACK_USER_TOKEN'] });
    expect(doctor.envelope.data.commands['channel.list']).toEqual({ ready: true, missing: [] });
  });

  it('a bot token in SLACK_USER_TOKEN → not_allowed_token_type → AUTH_FAILED (exit 4)', async () => {
    api.server.use(method('search.messages', () => slackError('not_allowed_token_type')));
    const { exitCode, envelope } = await json(['message', 'search', 'meaning'], { SLACK_USER_TOKEN: BOT_TOKEN });
    expect(exitCode).toBe(4);
    expect(envelope.error.code).toBe('AUTH_FAILED');
  });

  it('a cursor from elsewhere is a usage error', async () => {
    const { exitCode } = await json(['message', 'search', 'meaning', '--cursor', 'dGVhbTpD'], { SLACK_USER_TOKEN: USER_TOKEN });
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});
