import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpClient, type HttpClientOptions } from '../../src/http/client.js';
import { Deadline } from '../../src/http/deadline.js';
import { caught, startServer } from '../policy/helpers.js';

function client(baseUrl: string, extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 't',
    profile: { baseUrl: { setting: '', default: baseUrl }, allowForeignUrls: true },
    baseUrl,
    secret: () => undefined,
    requiredSecrets: [],
    deadline: new Deadline(20_000),
    dryRun: false,
    exchanges: [],
    requestIds: [],
    log: () => undefined,
    ...extra,
  });
}

async function failingServer(status: number) {
  const server = await startServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{"message":"upstream"}');
  });
  onTestFinished(() => server.close());
  return server;
}

describe('destructive writes are never retried (issue 10)', () => {
  it('a destructive command’s DELETE after a 502 is sent once', async () => {
    const server = await failingServer(502);
    const error = await caught(() => client(server.url, { retryable: false }).delete('/branches/x'));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(server.hits.map((hit) => hit.method)).toEqual(['DELETE']);
  });

  it('a destructive command’s PUT after a 503 is sent once, even with idempotent: true', async () => {
    const server = await failingServer(503);
    await caught(() => client(server.url, { retryable: false }).put('/pulls/1/merge', { idempotent: true }));
    expect(server.hits).toHaveLength(1);
  });

  it('a destructive command’s GET is still retried; a non-destructive DELETE still is', async () => {
    const server = await failingServer(502);
    await caught(() => client(server.url, { retryable: false, retries: 1 }).get('/x'));
    expect(server.hits).toHaveLength(2);
    const other = await failingServer(502);
    await caught(() => client(other.url, { retries: 1 }).delete('/x'));
    expect(other.hits).toHaveLength(2);
  });

  it('a POST without an idempotency key is never retried', async () => {
    const server = await failingServer(503);
    await caught(() => client(server.url, { retries: 2 }).post('/x', { json: {} }));
    expect(server.hits).toHaveLength(1);
  });
});

describe('URLs with credentials are refused up front (issue 10)', () => {
  it('INVALID_USAGE before any request, the password never echoed', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    onTestFinished(() => server.close());
    const error = await caught(() => client('https://api.example.com').get(`http://user:hunter22pw@127.0.0.1:${server.port}/`));
    expect(error.code).toBe('INVALID_USAGE');
    expect(error.message).toMatch(/credentials in URLs .* are not sent/);
    expect(JSON.stringify({ message: error.message, details: error.details, hint: error.hint })).not.toContain('hunter22pw');
    expect(server.hits).toHaveLength(0);
  });

  it('a user name alone is refused too; a configured base URL with credentials is a CONFIG_ERROR', async () => {
    expect((await caught(() => client('https://api.example.com').get('https://someone@files.example/x'))).code).toBe('INVALID_USAGE');
    const error = await caught(() => client('https://u:secretpw@api.example.com').get('/x'));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.message).not.toContain('secretpw');
  });
});
