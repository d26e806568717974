import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { useMockApi } from '../../src/index.js';
import { API, cli, seenOutputs, TOKEN, widget } from '../helpers.js';

const api = useMockApi();

/** A policy file and a state dir shared by the invocations of one test (separate runs, like processes). */
function withPolicy(tools: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'aos-policy-'));
  const file = join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify({ version: 1, tools }));
  return { AOS_POLICY: file, AOS_STATE_DIR: join(dir, 'state') };
}

describe('policy on the CLI path (CONTRACT §10)', () => {
  it('refuses a command the policy does not allow: POLICY_DENIED, exit 3, no request', async () => {
    const env = withPolicy({ 'aos-widgets': { allowed_commands: ['widget.list', 'widget.get'] } });
    const result = await cli(['--json', '--mode', 'write', 'widget', 'create', '--name', 'x'], env);
    expect(result.exitCode).toBe(3);
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'POLICY_DENIED' } });
    expect(api.requests).toHaveLength(0);
  });

  it('caps the mode', async () => {
    const env = withPolicy({ '*': { max_mode: 'write' } });
    const result = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7'], env);
    expect(result.exitCode).toBe(3);
    expect(result.json().error.code).toBe('POLICY_DENIED');
  });

  it('holds the rate budget across separate invocations', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(widget(7))));
    const env = withPolicy({ 'aos-widgets': { rate_limit_per_minute: 2 } });
    expect((await cli(['--json', 'widget', 'get', '7'], env)).exitCode).toBe(0);
    expect((await cli(['--json', 'widget', 'get', '7'], env)).exitCode).toBe(0);
    const third = await cli(['--json', 'widget', 'get', '7'], env);
    expect(third.exitCode).toBe(5);
    expect(third.json()).toMatchObject({ error: { code: 'RATE_LIMITED', details: { retry_after_s: expect.any(Number) } } });
    expect(api.requests).toHaveLength(2);
  });

  it('holds a command for approval, then runs it once with the approval id', async () => {
    api.server.use(http.delete(`${API}/widgets/7`, () => new HttpResponse(null, { status: 204 })));
    const env = withPolicy({ 'aos-widgets': { require_approval: ['widget.delete'] } });
    const held = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7'], env);
    expect(held.exitCode).toBe(3);
    const error = held.json().error;
    expect(error.code).toBe('APPROVAL_REQUIRED');
    expect(api.requests).toHaveLength(0);
    const approvalId = held.json().meta.evidence_id;
    const approved = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7'], { ...env, AOS_APPROVED: approvalId });
    expect(approved.json()).toMatchObject({ ok: true, data: { deleted: 7 } });
    const reused = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7'], { ...env, AOS_APPROVED: approvalId });
    expect(reused.json().error.code).toBe('APPROVAL_REQUIRED');
    const byFlag = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7', '--approve', 'widget.delete'], env);
    expect(byFlag.exitCode).toBe(0);
  });

  it('replays a repeated --idempotency-key without a second request', async () => {
    let created = 0;
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json(widget(100 + ++created), { status: 201 })));
    const env = withPolicy({});
    const argv = ['--json', '--mode', 'write', 'widget', 'create', '--name', 'gear', '--idempotency-key', 'order-17'];
    const first = await cli(argv, env);
    const second = await cli(argv, env);
    expect(first.json().data).toEqual(widget(101));
    expect(second.json().data).toEqual(widget(101));
    expect(created).toBe(1);
    const different = await cli([...argv.slice(0, -2), '--name', 'other', '--idempotency-key', 'order-17'], env);
    expect(different.json().error.code).toBe('CONFLICT');
  });

  it('strips escape sequences from third-party text by default, and not when the policy says so', async () => {
    const evil = { id: 7, name: 'gear\u001b]52;c;ZXZpbA==\u0007\u001b[2J', color: 'red' };
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(evil)));
    const clean = await cli(['--json', 'widget', 'get', '7']);
    expect(clean.json().data.name).toBe('gear');
    const raw = await cli(['--json', 'widget', 'get', '7'], withPolicy({ '*': { sanitize_output: false } }));
    expect(raw.json().data.name).toBe(evil.name);
  });

  it('caps the response size at max_response_size_mb', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => new HttpResponse(new Uint8Array(2 * 1024 * 1024), { headers: { 'content-type': 'application/json' } })));
    const result = await cli(['--json', 'widget', 'get', '7'], withPolicy({ '*': { max_response_size_mb: 1 } }));
    expect(result.exitCode).toBe(5);
    expect(result.json().error.message).toMatch(/larger than the 1 MB cap/);
  });

  it('bounds the call by timeout_seconds even without --timeout-ms', async () => {
    api.server.use(http.get(`${API}/widgets/7`, async () => {
      await delay(5_000);
      return HttpResponse.json(widget(7));
    }));
    const started = Date.now();
    const result = await cli(['--json', 'widget', 'get', '7'], withPolicy({ '*': { timeout_seconds: 1 } }));
    expect(result.json().error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a redirect from the configured host to a metadata address, sending nothing there', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => new HttpResponse(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } })));
    const result = await cli(['--json', 'widget', 'get', '7']);
    expect(result.exitCode).toBe(3);
    expect(result.json()).toMatchObject({ error: { code: 'POLICY_DENIED', details: { rule: 'ssrf' } } });
    expect(api.requests.map((r) => r.url)).toEqual([`${API}/widgets/7`]);
  });

  it('reports a broken policy file as CONFIG_ERROR (exit 4), naming the field', async () => {
    const env = withPolicy({ 'aos-widgets': { rate_limit_per_minute: 'lots' } });
    const result = await cli(['--json', 'widget', 'get', '7'], env);
    expect(result.exitCode).toBe(4);
    expect(result.json().error).toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringContaining('rate_limit_per_minute') });
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});
