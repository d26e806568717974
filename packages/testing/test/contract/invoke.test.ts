import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/contract';
import { invoke, type InvokeRequest } from '@aos-connectors/core';
import { useMockApi } from '../../src/index.js';
import widgets from '../fixture/src/connector.js';
import { API, cli, TOKEN, widget } from '../helpers.js';

const api = useMockApi();

function freshEnv(extra: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'aos-invoke-'));
  return { HOME: home, AOS_AUDIT_DIR: join(home, 'audit'), WIDGETS_TOKEN: TOKEN, WIDGETS_API_URL: API, ...extra };
}

const call = (request: Partial<InvokeRequest> & { command: string }) => invoke(widgets, { env: freshEnv(), ...request });

describe('invoke: the typed entry below argv', () => {
  it('runs a command from JSON input and returns the envelope the CLI prints', async () => {
    api.server.use(http.get(`${API}/widgets/3`, () => HttpResponse.json(widget(3))));
    const result = await call({ command: 'widget.get', input: { id: 3 } });
    expect(result.exitCode).toBe(0);
    expect(envelopeSchema.parse(result.envelope)).toMatchObject({ ok: true, tool: 'aos-widgets', command: 'widget.get', data: widget(3), meta: { mode: 'readonly' } });
    const viaCli = (await cli(['--json', 'widget', 'get', '3'])).json();
    expect({ ...result.envelope, meta: undefined }).toEqual({ ...viaCli, meta: undefined });
  });

  it('gates the mode before validating input and before any request', async () => {
    const result = await call({ command: 'widget.delete', input: { id: 'not a number', bogus: true } });
    expect(result.exitCode).toBe(3);
    expect(result.envelope).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', details: { required_mode: 'admin', actual_mode: 'readonly' } } });
    expect(api.requests).toHaveLength(0);
  });

  it.each([['mode'], ['dry_run'], ['approve'], ['json'], ['idempotency_key'], ['bogus']])('refuses the undeclared key %s in input, sending nothing', async (key) => {
    const result = await call({ command: 'widget.create', mode: 'write', input: { name: 'x', [key]: 'admin' } });
    expect(result.exitCode).toBe(2);
    expect(result.envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { unknown: [key] } } });
    expect(api.requests).toHaveLength(0);
  });

  it('names JSON keys, not flags, in validation errors, and treats null as not given', async () => {
    const result = await call({ command: 'widget.create', mode: 'write', input: { name: '', color: null, tags: 'a' } });
    expect(result.envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    const message = result.envelope.ok ? '' : result.envelope.error.message;
    expect(message).toMatch(/"name"/);
    expect(message).not.toMatch(/--name|"color"/);
  });

  it('answers built-ins, an unknown command and a bad request as envelopes, never throwing', async () => {
    expect((await call({ command: 'doctor' })).envelope).toMatchObject({ ok: true, command: 'doctor' });
    expect((await call({ command: 'config.show' })).envelope).toMatchObject({ ok: true, command: 'config.show' });
    expect((await call({ command: 'widget.explode' })).envelope).toMatchObject({ ok: false, command: 'unknown', error: { code: 'INVALID_USAGE' } });
    expect((await call({ command: 'widget.get', input: [1] as never })).envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    expect((await call({ command: 'widget.get', mode: 'root' as never, input: { id: 1 } })).envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    expect((await call({ command: 'widget.get', timeoutMs: 0, input: { id: 1 } })).envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    expect(api.requests).toHaveLength(0);
  });

  it('dry-runs a write in any mode and sends nothing', async () => {
    const result = await call({ command: 'widget.create', dryRun: true, input: { name: 'gear' } });
    expect(result.envelope).toMatchObject({ ok: true, data: { dry_run: true, request: { method: 'POST' } }, meta: { dry_run: true } });
    expect(api.requests).toHaveLength(0);
  });

  it('writes one audit record with the JSON input as arguments', async () => {
    api.server.use(http.get(`${API}/widgets/5`, () => HttpResponse.json(widget(5))));
    const env = freshEnv();
    const result = await invoke(widgets, { command: 'widget.get', input: { id: 5 }, env });
    const files = readdirSync(env.AOS_AUDIT_DIR);
    const records = files.flatMap((file) => readFileSync(join(env.AOS_AUDIT_DIR, file), 'utf8').trim().split('\n')).map((line) => JSON.parse(line));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ evidence_id: result.envelope.meta.evidence_id, command: 'widget.get', arguments: { id: 5 }, outcome: 'ok' });
  });

  it("stops a running call when the host's signal aborts, as TIMEOUT with details.cancelled", async () => {
    const controller = new AbortController();
    const pending = call({ command: 'debug.hang', signal: controller.signal });
    setImmediate(() => controller.abort());
    const result = await pending;
    expect(result.exitCode).toBe(5);
    expect(result.envelope).toMatchObject({ ok: false, error: { code: 'TIMEOUT', details: { cancelled: true } } });
  });
});

describe('--input-json: JSON input on the command line (spawned hosts)', () => {
  it('takes the arguments as one JSON object, values never read as flags', async () => {
    api.server.use(http.post(`${API}/widgets`, async ({ request }) => HttpResponse.json({ ...widget(9), sent: await request.json() }, { status: 201 })));
    const result = await cli(['--json', '--mode', 'write', 'widget', 'create', '--input-json', JSON.stringify({ name: '--mode admin', tags: ['a'] })], { WIDGETS_TEAM: 'core' });
    expect(result.json()).toMatchObject({ ok: true, data: { sent: { name: '--mode admin', tags: ['a'], color: 'red' } }, meta: { mode: 'write' } });
  });

  it('refuses mixing it with flags, malformed JSON and undeclared keys, after the mode gate', async () => {
    const mixed = await cli(['--json', '--mode', 'write', 'widget', 'create', '--name', 'x', '--input-json', '{"name":"y"}']);
    expect(mixed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    const malformed = await cli(['--json', '--mode', 'write', 'widget', 'create', '--input-json', '{name:']);
    expect(malformed.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', message: expect.stringMatching(/not valid JSON/) } });
    const smuggled = await cli(['--json', 'widget', 'create', '--input-json', '{"name":"y","mode":"admin"}']);
    expect(smuggled.json()).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    const unknown = await cli(['--json', '--mode', 'write', 'widget', 'create', '--input-json', '{"name":"y","mode":"admin"}']);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { unknown: ['mode'] } } });
    expect(api.requests).toHaveLength(0);
  });
});

describe('conflicting global flags are a usage error (a host puts --mode first)', () => {
  it.each([
    [['--mode', 'readonly', 'widget', 'delete', '7', '--mode', 'admin']],
    [['--mode=readonly', 'widget', 'delete', '7', '--mode=admin']],
    [['--timeout-ms', '100', 'widget', 'get', '1', '--timeout-ms', '90000']],
  ])('%j', async (argv) => {
    const result = await cli(['--json', ...argv]);
    expect(result.exitCode).toBe(2);
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', message: expect.stringMatching(/given twice/) } });
    expect(api.requests).toHaveLength(0);
  });

  it('accepts the same value twice', async () => {
    api.server.use(http.get(`${API}/widgets/1`, () => HttpResponse.json(widget(1))));
    const result = await cli(['--json', '--mode', 'readonly', 'widget', 'get', '1', '--mode', 'readonly']);
    expect(result.json()).toMatchObject({ ok: true });
  });
});

describe('--timeout-ms is strict and bounded', () => {
  it.each([['0x10'], ['1e3'], ['1.5'], ['0'], ['-5'], ['9999999999'], ['1e21'], ['2147483648'], [' 100']])('refuses %s', async (value) => {
    const result = await cli(['--json', 'widget', 'get', '1', '--timeout-ms', value]);
    expect(result.exitCode).toBe(2);
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    expect(api.requests).toHaveLength(0);
  });

  it('takes the largest value a timer holds', async () => {
    api.server.use(http.get(`${API}/widgets/1`, () => HttpResponse.json(widget(1))));
    const result = await cli(['--json', 'widget', 'get', '1', '--timeout-ms', '2147483647']);
    expect(result.json()).toMatchObject({ ok: true });
  });
});
