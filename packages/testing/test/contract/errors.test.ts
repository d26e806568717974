import { delay, http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/contract';
import { useMockApi } from '../../src/index.js';
import { API, cli, seenOutputs, TOKEN, widget } from '../helpers.js';

const api = useMockApi();
const getWidget = (reply: () => Response | Promise<Response>) => api.server.use(http.get(`${API}/widgets/7`, reply));

async function failure(argv = ['--json', '--timeout-ms', '4000', 'widget', 'get', '7']) {
  const result = await cli(argv);
  const envelope = envelopeSchema.parse(result.json());
  if (envelope.ok) throw new Error(`expected a failure, got ${result.stdout}`);
  return { result, error: envelope.error };
}

describe('vendor failures map to the contract (CONTRACT §3)', () => {
  it('401 → AUTH_FAILED, exit 4, with the vendor message and status', async () => {
    getWidget(() => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(4);
    expect(error).toMatchObject({ code: 'AUTH_FAILED', details: { http_status: 401, retryable: false } });
    expect(error.message).toBe('GET /v1/widgets/7 was refused (HTTP 401): Bad credentials');
  });

  it('403 without rate-limit headers → AUTH_FAILED and is not retried', async () => {
    getWidget(() => HttpResponse.json({ message: 'Resource not accessible' }, { status: 403 }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(4);
    expect(error.code).toBe('AUTH_FAILED');
    expect(api.requests).toHaveLength(1);
  });

  it("applies the connector's own mapError to command and health failures", async () => {
    getWidget(() => HttpResponse.json({ message: 'You have exceeded a secondary rate limit' }, { status: 403 }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 403, retry_after_s: 60 } });
    api.server.use(http.get(`${API}/me`, () => HttpResponse.json({ message: 'secondary rate limit' }, { status: 403 })));
    const health = await cli(['--json', 'health']);
    expect(health.json().data).toMatchObject({ status: 'degraded' });
  });

  it('404 → NOT_FOUND, exit 6', async () => {
    getWidget(() => HttpResponse.json({ message: 'Not Found' }, { status: 404 }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(6);
    expect(error).toMatchObject({ code: 'NOT_FOUND', details: { http_status: 404 } });
  });

  it('400 and 422 → VALIDATION_FAILED, 409 → CONFLICT, exit 2, vendor body kept in details', async () => {
    for (const [status, code] of [[400, 'VALIDATION_FAILED'], [422, 'VALIDATION_FAILED'], [409, 'CONFLICT']] as const) {
      api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json({ message: 'Validation Failed', errors: [{ field: 'name', code: 'invalid' }] }, { status })));
      const { result, error } = await failure(['--json', '--mode', 'write', 'widget', 'create', '--name', 'x']);
      expect(result.exitCode).toBe(2);
      expect(error).toMatchObject({ code, details: { http_status: status, vendor_error: { errors: [{ field: 'name' }] } } });
    }
  });

  it('500 → BACKEND_UNAVAILABLE (retryable), after retrying an idempotent GET', async () => {
    getWidget(() => HttpResponse.json({ message: 'boom' }, { status: 500 }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { http_status: 500, retryable: true } });
    expect(api.requests).toHaveLength(3);
    expect(result.audit()[0]!.http.map((e) => e.status)).toEqual([500, 500, 500]);
  });

  it('a flaky GET succeeds on retry', async () => {
    let calls = 0;
    getWidget(() => (++calls < 2 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(widget(7))));
    const result = await cli(['--json', 'widget', 'get', '7']);
    expect(result.json()).toMatchObject({ ok: true, data: { id: 7 } });
    expect(calls).toBe(2);
  });

  it('never retries a POST (not idempotent)', async () => {
    api.server.use(http.post(`${API}/widgets`, () => new HttpResponse(null, { status: 503 })));
    const { result } = await failure(['--json', '--mode', 'write', 'widget', 'create', '--name', 'x']);
    expect(result.exitCode).toBe(5);
    expect(api.requests).toHaveLength(1);
  });

  it('429 with a Retry-After inside the deadline: waits and succeeds', async () => {
    let calls = 0;
    getWidget(() => (++calls === 1 ? HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '1' } }) : HttpResponse.json(widget(7))));
    const started = Date.now();
    const result = await cli(['--json', '--timeout-ms', '5000', 'widget', 'get', '7']);
    expect(result.json()).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('429 with a Retry-After past the deadline: RATE_LIMITED at once with retry_after_s', async () => {
    getWidget(() => HttpResponse.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '120' } }));
    const started = Date.now();
    const { result, error } = await failure(['--json', '--timeout-ms', '2000', 'widget', 'get', '7']);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.exitCode).toBe(5);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { http_status: 429, retryable: true, retry_after_s: 120 } });
    expect(api.requests).toHaveLength(1);
  });

  it('403 with x-ratelimit-remaining 0 is rate limiting, with the wait from x-ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    getWidget(() => HttpResponse.json({ message: 'API rate limit exceeded' }, { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details.retry_after_s).toBeGreaterThan(590);
  });

  it('a vendor slower than --timeout-ms → TIMEOUT, exit 5, no hang', async () => {
    getWidget(async () => {
      await delay(5_000);
      return HttpResponse.json(widget(7));
    });
    const started = Date.now();
    const { result, error } = await failure(['--json', '--timeout-ms', '300', 'widget', 'get', '7']);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.exitCode).toBe(5);
    expect(error).toMatchObject({ code: 'TIMEOUT', details: { timeout_ms: 300 } });
  });

  it('a handler that ignores the deadline is still stopped by it', async () => {
    const { result, error } = await failure(['--json', '--timeout-ms', '200', 'debug', 'hang']);
    expect(result.exitCode).toBe(5);
    expect(error.code).toBe('TIMEOUT');
  });

  it('a malformed JSON body → BACKEND_UNAVAILABLE, exit 5', async () => {
    getWidget(() => new HttpResponse('{"id": 7, "name":', { headers: { 'content-type': 'application/json' } }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error.message).toMatch(/malformed JSON/);
  });

  it('a list endpoint answering something other than a list → BACKEND_UNAVAILABLE, not a bug', async () => {
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json({ message: 'maintenance' })));
    const { result, error } = await failure(['--json', 'widget', 'list']);
    expect(result.exitCode).toBe(5);
    expect(error.message).toMatch(/unexpected shape/);
  });

  it('a body over the size cap → BACKEND_UNAVAILABLE, without reading it all', async () => {
    getWidget(() => new HttpResponse(new Uint8Array(11 * 1024 * 1024), { headers: { 'content-type': 'application/json' } }));
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error.message).toMatch(/larger than the 10 MB cap/);
  });

  it('a network failure → BACKEND_UNAVAILABLE, exit 5, naming the host', async () => {
    getWidget(() => HttpResponse.error());
    const { result, error } = await failure();
    expect(result.exitCode).toBe(5);
    expect(error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { retryable: true } });
    expect(error.message).toContain('api.widgets.test');
  });

  it('a malformed base URL setting → CONFIG_ERROR, exit 4, naming the setting', async () => {
    const result = await cli(['--json', 'widget', 'get', '7'], { WIDGETS_API_URL: 'not a url' });
    expect(result.exitCode).toBe(4);
    expect(result.json().error).toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringContaining('WIDGETS_API_URL') });
  });

  it('missing credentials → AUTH_REQUIRED, exit 4, before any request', async () => {
    const result = await cli(['--json', 'widget', 'get', '7'], {}, { WIDGETS_API_URL: API });
    expect(result.exitCode).toBe(4);
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED', details: { missing: ['WIDGETS_TOKEN'] } } });
    expect(api.requests).toHaveLength(0);
  });

  it('a bug → INTERNAL_ERROR, exit 10, no stack on stdout; the stack on stderr only with --verbose', async () => {
    const quiet = await cli(['--json', 'debug', 'crash']);
    expect(quiet.exitCode).toBe(10);
    expect(quiet.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR' } });
    expect(quiet.stdout).not.toMatch(/at .*connector\.ts/);
    expect(quiet.stderr).toBe('');
    const verbose = await cli(['--json', '--verbose', 'debug', 'crash']);
    expect(verbose.stdout).not.toMatch(/\n\s+at /);
    expect(verbose.stderr).toMatch(/TypeError: cannot read properties of undefined[\s\S]*\n\s+at /);
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});
