import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { example } from './support/spec.js';
import { API, everyRequestIsDocumented, githubError, json, REPO, reply, useGitHubApi } from './support/github.js';

const api = useGitHubApi();
const getIssue = (answer: () => Response | Promise<Response>) => api.server.use(http.get(`${API}/repos/:owner/:repo/issues/:number`, answer));
const issueGet = (...flags: string[]) => json([...flags, 'issue', 'get', '1347', '--repo', REPO]);
const epoch = (secondsFromNow: number) => String(Math.floor(Date.now() / 1000) + secondsFromNow);

describe('requests carry GitHub\'s headers and ids', () => {
  it('sends Bearer auth, the v3 media type, the API version and a User-Agent; reports x-github-request-id', async () => {
    getIssue(() => reply(example('issues/get'), { headers: { 'x-github-request-id': 'D3AD:BEEF:1:2:3' } }));
    const { envelope } = await issueGet();
    const [request] = api.requests;
    expect(Object.fromEntries(['authorization', 'accept', 'x-github-api-version'].map((h) => [h, request!.headers.get(h)]))).toEqual({
      authorization: 'Bearer ghp_testcanary0000000000000000000000000000',
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    });
    expect(request!.headers.get('user-agent')).toMatch(/^aos-github\/\d+\.\d+\.\d+/);
    expect(envelope.meta.request_ids).toEqual(['D3AD:BEEF:1:2:3']);
  });

  it('GH_TOKEN works too, and GITHUB_API_URL points at GitHub Enterprise Server', async () => {
    api.server.use(http.get('https://ghe.example.com/api/v3/repos/:owner/:repo/issues/:number', () => reply(example('issues/get'))));
    const ghes = await json(['issue', 'get', '1347', '--repo', REPO], { GITHUB_TOKEN: undefined, GH_TOKEN: 'ghp_alias', GITHUB_API_URL: 'https://ghe.example.com/api/v3' });
    expect(ghes.exitCode).toBe(0);
    expect(api.requests.map((r) => r.url)).toEqual(['https://ghe.example.com/api/v3/repos/octocat/Hello-World/issues/1347']);
    expect(api.requests[0]!.headers.get('authorization')).toBe('Bearer ghp_alias');
  });
});

describe('GitHub errors map to the contract', () => {
  it('401 Bad credentials → AUTH_FAILED, exit 4', async () => {
    getIssue(() => githubError(401, 'Bad credentials', { status: '401' }));
    const { exitCode, envelope } = await issueGet();
    expect(exitCode).toBe(4);
    expect(envelope.error).toMatchObject({ code: 'AUTH_FAILED', details: { http_status: 401, retryable: false } });
    expect(envelope.error.message).toBe(`GET /repos/${REPO}/issues/1347 was refused (HTTP 401): Bad credentials`);
  });

  it('404 → NOT_FOUND, exit 6 (GitHub also answers 404 for private repositories the token cannot see)', async () => {
    getIssue(() => githubError(404, 'Not Found', { status: '404' }));
    const { exitCode, envelope } = await issueGet();
    expect(exitCode).toBe(6);
    expect(envelope.error).toMatchObject({ code: 'NOT_FOUND', details: { http_status: 404, vendor_error: { message: 'Not Found' } } });
  });

  it('422 with {message, errors:[{resource, field, code}], documentation_url} → VALIDATION_FAILED, exit 2', async () => {
    const body = { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] };
    api.server.use(http.post(`${API}/repos/:owner/:repo/issues`, () => githubError(422, body.message, { errors: body.errors })));
    const { exitCode, envelope } = await json(['--mode', 'write', 'issue', 'create', '--repo', REPO, '--title', ' ']);
    expect(exitCode).toBe(2);
    expect(envelope.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `POST /repos/${REPO}/issues was rejected as invalid (HTTP 422): Validation Failed: Issue.title missing_field`,
      details: { http_status: 422, vendor_error: { ...body, documentation_url: 'https://docs.github.com/rest' } },
    });
  });

  it('a plain 403 (token lacks permission) → AUTH_FAILED, not retried', async () => {
    getIssue(() => githubError(403, 'Resource not accessible by personal access token'));
    const { exitCode } = await issueGet();
    expect(exitCode).toBe(4);
    expect(api.requests).toHaveLength(1);
  });

  it('5xx → BACKEND_UNAVAILABLE after retrying the GET', async () => {
    getIssue(() => githubError(502, 'Server Error'));
    const { exitCode, envelope } = await issueGet('--timeout-ms', '10000');
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { http_status: 502, retryable: true } });
    expect(api.requests).toHaveLength(3);
  });
});

describe('rate limits', () => {
  it('primary: 403 + x-ratelimit-remaining 0 + x-ratelimit-reset past the deadline → RATE_LIMITED at once, with the wait', async () => {
    getIssue(() => githubError(403, 'API rate limit exceeded for user ID 1.', {}, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(600) }));
    const started = Date.now();
    const { exitCode, envelope } = await issueGet('--timeout-ms', '3000');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 403, retryable: true } });
    expect(envelope.error.details.retry_after_s).toBeGreaterThanOrEqual(598);
    expect(envelope.error.details.retry_after_s).toBeLessThanOrEqual(600);
    expect(api.requests).toHaveLength(1);
  });

  it('primary: a reset inside the deadline is waited for, then the call succeeds', async () => {
    let calls = 0;
    getIssue(() => (++calls === 1
      ? githubError(403, 'API rate limit exceeded', {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': epoch(1) })
      : reply(example('issues/get'))));
    const { exitCode } = await issueGet('--timeout-ms', '6000');
    expect(exitCode).toBe(0);
    expect(calls).toBe(2);
  });

  it('secondary: 403 + retry-after → RATE_LIMITED with retry_after_s when the wait passes the deadline', async () => {
    getIssue(() => githubError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', {}, { 'retry-after': '60' }));
    const started = Date.now();
    const { exitCode, envelope } = await issueGet('--timeout-ms', '3000');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 403, retry_after_s: 60 } });
  });

  it('secondary: 429 + retry-after inside the deadline → waits as told, then succeeds', async () => {
    let calls = 0;
    getIssue(() => (++calls === 1 ? githubError(429, 'You have exceeded a secondary rate limit.', {}, { 'retry-after': '1' }) : reply(example('issues/get'))));
    const started = Date.now();
    const { exitCode } = await issueGet('--timeout-ms', '5000');
    expect(exitCode).toBe(0);
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('secondary: a bare 403 naming the secondary limit (no headers) is RATE_LIMITED, not AUTH_FAILED', async () => {
    getIssue(() => githubError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'));
    const { exitCode, envelope } = await issueGet();
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 403, retryable: true, retry_after_s: 60 } });
  });

  it('a write is never retried on a rate limit (POST is not idempotent)', async () => {
    api.server.use(http.post(`${API}/repos/:owner/:repo/issues/:number/comments`, () => githubError(429, 'You have exceeded a secondary rate limit.', {}, { 'retry-after': '1' })));
    const { exitCode, envelope } = await json(['--mode', 'write', '--timeout-ms', '5000', 'issue', 'comment', '1347', '--repo', REPO, '--body', 'hi']);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_s: 1 } });
    expect(api.requests).toHaveLength(1);
  });

  it('repeated rate limits never hold the call past --timeout-ms', async () => {
    getIssue(() => githubError(429, 'You have exceeded a secondary rate limit.', {}, { 'retry-after': '1' }));
    const started = Date.now();
    const { exitCode, envelope } = await issueGet('--timeout-ms', '1500');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(exitCode).toBe(5);
    expect(['RATE_LIMITED', 'TIMEOUT']).toContain(envelope.error.code);
  });

  it('a GitHub slower than --timeout-ms → TIMEOUT, exit 5, without hanging', async () => {
    getIssue(async () => {
      await delay(10_000);
      return reply(example('issues/get'));
    });
    const started = Date.now();
    const { exitCode, envelope } = await issueGet('--timeout-ms', '400');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ code: 'TIMEOUT', details: { timeout_ms: 400 } });
  });
});

everyRequestIsDocumented(api);
