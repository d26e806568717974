import { describe, expect, it, onTestFinished } from 'vitest';
import { isAosError } from '@aos-connectors/contract';
import { createHttpClient, type HttpClientOptions } from '../../src/http/client.js';
import { Deadline } from '../../src/http/deadline.js';
import { linkPage } from '../../src/http/pagination.js';
import { decodeLinkCursor, encodeLinkCursor } from '../../src/harness/list-cursor.js';
import { runList } from '../../src/harness/list-runner.js';
import type { CommandContext, ListCommandDefinition, Page } from '../../src/harness/types.js';
import type { Output } from '../../src/output/output.js';
import { caught, startServer } from '../policy/helpers.js';

function client(baseUrl: string, extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 't',
    profile: { baseUrl: { setting: '', default: baseUrl } },
    baseUrl,
    secret: () => undefined,
    requiredSecrets: [],
    deadline: new Deadline(10_000),
    dryRun: false,
    exchanges: [],
    requestIds: [],
    log: () => undefined,
    ...extra,
  });
}

describe('link cursors decode only to pages under the API base URL (issue 11 finding 4)', () => {
  const base = new URL('https://api.example.com/v1/');
  it.each([
    ['a raw absolute path', '/user'],
    ['a raw relative path', 'user'],
    ['a backslash host', '\\\\localhost:8080/x'],
    ['a tagged backslash host', 'aos-link:\\\\localhost:8080/x'],
    ['a tagged scheme-relative URL', 'aos-link://evil.example/x'],
    ['a tagged absolute path', 'aos-link:/user'],
    ['a tagged ..', 'aos-link:widgets/../../user'],
    ['a tagged %2e%2e', 'aos-link:widgets/%2e%2e/%2E%2E/user'],
    ['a tagged .%2e', 'aos-link:.%2e/user'],
    ['a tagged encoded slash', 'aos-link:widgets%2f..%2fuser'],
    ['a tagged other scheme', 'aos-link:https://evil.example/x'],
    ['a tagged space', 'aos-link:widgets x'],
  ])('refuses %s', async (_label, cursor) => {
    const error = await caught(() => decodeLinkCursor(cursor, base));
    expect(error.code).toBe('INVALID_USAGE');
    expect(error.message).toMatch(/not a cursor returned by this connector/);
  });

  it('round-trips what linkPage issues, and refuses to issue one outside the base', () => {
    const next = new URL('https://api.example.com/v1/widgets?per_page=50&page=2');
    const cursor = encodeLinkCursor(next, base)!;
    expect(cursor).toBe('aos-link:widgets?per_page=50&page=2');
    expect(decodeLinkCursor(cursor, base).toString()).toBe(next.toString());
    expect(encodeLinkCursor(new URL('https://api.example.com/other/x'), base)).toBeNull();
    expect(encodeLinkCursor(new URL('https://evil.example/v1/x'), base)).toBeNull();
  });

  it('sends nothing for a refused cursor', async () => {
    const server = await startServer((_req, res) => res.end('[]'));
    onTestFinished(() => server.close());
    const http = client(`${server.url}/api`);
    await caught(() => linkPage(http, 'widgets', {}, { cursor: 'aos-link:..%2fadmin', size: 10 }));
    await caught(() => linkPage(http, 'widgets', {}, { cursor: `\\\\127.0.0.1:${server.port}/x`, size: 10 }));
    expect(server.hits).toHaveLength(0);
  });
});

describe('endless pagination stops (issue 11 finding 5)', () => {
  it('a next link to the page just fetched is BACKEND_UNAVAILABLE, not a loop', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', link: `<http://127.0.0.1:${(req.socket.localPort)}${req.url}>; rel="next"` });
      res.end('[1]');
    });
    onTestFinished(() => server.close());
    const error = await caught(() => linkPage(client(server.url), 'widgets', {}, { cursor: null, size: 1 }));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'repeated_page' });
  });

  /** A list whose vendor answers page n with the next cursor `order[n]`. */
  function cyclingList(next: (cursor: string | null) => string | null, fetched: (string | null)[]): ListCommandDefinition {
    return {
      id: 'thing.list',
      list: { key: 'things', maxPageSize: 2, columns: [] },
      run: async (_input: unknown, ctx: CommandContext): Promise<Page> => {
        fetched.push(ctx.page.cursor);
        return { items: [ctx.page.cursor ?? 'first'], next_cursor: next(ctx.page.cursor) };
      },
    } as unknown as ListCommandDefinition;
  }

  function capture() {
    const written: unknown[] = [];
    let failed: unknown;
    const output = {
      success: (_id: string, data: unknown) => written.push(data),
      startList: () => ({
        items: (items: unknown[]) => written.push(...items),
        flush: async () => undefined,
        resumeAt: () => undefined,
        fail: (error: unknown, cursor: string) => (failed = { error, cursor }),
        end: () => undefined,
      }),
    } as unknown as Output;
    return { output, written, failed: () => failed };
  }

  const ctx = { page: { cursor: null, size: 0 }, signal: new AbortController().signal } as unknown as CommandContext;
  const mapError = (error: unknown) => {
    if (isAosError(error)) return error;
    throw error;
  };

  it('--all stops on a cycle A→B→A with the resume cursor, after fetching each page once', async () => {
    const fetched: (string | null)[] = [];
    const cycle = cyclingList((cursor) => (cursor === 'A' ? 'B' : 'A'), fetched);
    const out = capture();
    const thrown = await runList(cycle, { limit: 20, all: true }, ctx, out.output, mapError).catch((error: unknown) => error);
    expect(thrown).toBeDefined();
    expect(fetched).toEqual([null, 'A', 'B']);
    expect(out.failed()).toMatchObject({ error: { code: 'BACKEND_UNAVAILABLE', details: { reason: 'repeated_page' } }, cursor: 'A' });
  });

  it('--limit stops on a repeated cursor instead of returning copies of one item', async () => {
    const fetched: (string | null)[] = [];
    const same = cyclingList(() => 'A', fetched);
    const error = await caught(() => runList(same, { limit: 1000, all: false }, ctx, capture().output, mapError));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(fetched).toEqual([null, 'A']);
  });

  it('a resumed --cursor that the vendor repeats is caught too', async () => {
    const fetched: (string | null)[] = [];
    const same = cyclingList(() => 'A', fetched);
    const error = await caught(() => runList(same, { limit: 1000, all: false, cursor: 'A' }, ctx, capture().output, mapError));
    expect(error.details).toMatchObject({ next_cursor: 'A' });
    expect(fetched).toEqual(['A']);
  });
});
