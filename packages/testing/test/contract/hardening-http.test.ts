import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../../src/recording-server.js';
import { cli, TOKEN } from '../helpers.js';

// Real sockets on 127.0.0.1: the connect-time checks are what is under test, so no msw here.
let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function withPolicy(tools: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'aos-hardening-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ version: 1, tools }));
  return { AOS_POLICY: file, AOS_STATE_DIR: join(dir, 'state') };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('blocked_hosts against names and the loopback family (issue 11 finding 3)', () => {
  it.each([['127.0.0.1'], ['127.0.0.0/8'], ['::1']])('blocked_hosts %s refuses the base URL http://localhost:PORT, sending nothing', async (entry) => {
    server = await startRecordingServer(() => json([]));
    const port = new URL(server.url).port;
    const result = await cli(['--json', 'widget', 'list'], { WIDGETS_API_URL: `http://localhost:${port}/v1`, ...withPolicy({ '*': { blocked_hosts: [entry] } }) });
    expect(result.exitCode).toBe(3);
    expect(result.json().error).toMatchObject({ code: 'POLICY_DENIED', details: { field: 'blocked_hosts' } });
    expect(server.requests).toHaveLength(0);
  });

  it('a blocked entry with the port refuses it; another port is not blocked', async () => {
    server = await startRecordingServer(() => json([]));
    const port = new URL(server.url).port;
    const blocked = await cli(['--json', 'widget', 'list'], { WIDGETS_API_URL: `${server.url}/v1`, ...withPolicy({ '*': { blocked_hosts: [`localhost:${port}`] } }) });
    expect(blocked.exitCode).toBe(3);
    const other = await cli(['--json', 'widget', 'list'], { WIDGETS_API_URL: `${server.url}/v1`, ...withPolicy({ '*': { blocked_hosts: ['localhost:1'] } }) });
    expect(other.exitCode).toBe(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cursors stay on the API (issue 11 finding 4)', () => {
  it.each([['\\\\localhost:PORT/x'], ['/user'], ['../user'], ['aos-link:%2e%2e/user'], ['aos-link:\\\\localhost:PORT/x']])(
    'refuses --cursor %s before any request',
    async (raw) => {
      server = await startRecordingServer(() => json([]));
      const cursor = raw.replace('PORT', new URL(server.url).port);
      const result = await cli(['--json', 'widget', 'list', '--cursor', cursor], { WIDGETS_API_URL: `${server.url}/v1` });
      expect(result.exitCode).toBe(2);
      expect(result.json().error).toMatchObject({ code: 'INVALID_USAGE' });
      expect(result.json().error.message).toMatch(/not a cursor returned by this connector/);
      expect(server.requests).toHaveLength(0);
    },
  );
});

describe('endless pagination (issue 11 finding 5)', () => {
  it('--all against a Link next that repeats the same URL ends with BACKEND_UNAVAILABLE', async () => {
    server = await startRecordingServer((request) => json([{ id: 1, name: 'w', color: 'red' }], { link: `<${server!.url}${request.url}>; rel="next"` }));
    const result = await cli(['--json', 'widget', 'list', '--all'], { WIDGETS_API_URL: `${server.url}/v1` });
    expect(result.exitCode).toBe(5);
    expect(result.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(server.requests).toHaveLength(1);
  });

  it('--limit 1000 against a two-page cycle A→B→A returns an error, not 1,000 copies', async () => {
    server = await startRecordingServer((request) => {
      const page = new URL(request.url, 'http://x').searchParams.get('page') === 'b' ? 'a' : 'b';
      return json([{ id: 1, name: 'w', color: 'red' }], { link: `<${server!.url}/v1/widgets?page=${page}>; rel="next"` });
    });
    const result = await cli(['--json', 'widget', 'list', '--limit', '1000'], { WIDGETS_API_URL: `${server.url}/v1` });
    expect(result.exitCode).toBe(5);
    expect(result.json().error.details).toMatchObject({ reason: 'repeated_page' });
    expect(server.requests.length).toBeLessThanOrEqual(3);
  });
});

describe('destructive commands are not retried (issue 10)', () => {
  it('widget delete after a 503 is sent once and reports the failure', async () => {
    server = await startRecordingServer(() => ({ status: 503, headers: { 'content-type': 'application/json' }, body: '{"message":"busy"}' }));
    const result = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7'], { WIDGETS_API_URL: `${server.url}/v1` });
    expect(result.exitCode).toBe(5);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE']);
  });
});

describe('credentials in a URL (issue 10)', () => {
  it('a base URL with user:password@ is refused with its own error, not a network error, the password not echoed', async () => {
    server = await startRecordingServer(() => json([]));
    const withCreds = server.url.replace('http://', 'http://user:pw-hunter2@');
    const result = await cli(['--json', 'widget', 'list'], { WIDGETS_API_URL: `${withCreds}/v1` });
    expect(result.json().error.code).not.toBe('BACKEND_UNAVAILABLE');
    expect(result.stdout + result.stderr).not.toContain('pw-hunter2');
    expect(result.stdout).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(0);
  });
});
