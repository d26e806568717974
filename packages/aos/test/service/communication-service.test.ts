import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/contract';
import { createCommunicationService } from '../../src/service/index.js';
import { runCli, useMockApi } from '@aos-connectors/testing';
import widgets from '@aos-connectors/testing/fixture';
import { API, TOKEN, widget } from '@aos-connectors/testing/fixture';

const api = useMockApi();

/** A fresh home per call, as runCli gives the CLI, so audit records can be compared. */
function freshEnv(extra: Record<string, string | undefined> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'aos-service-'));
  return { HOME: home, AOS_AUDIT_DIR: join(home, 'audit'), WIDGETS_TOKEN: TOKEN, WIDGETS_API_URL: API, ...extra };
}

/** What legitimately differs between two runs of the same call. */
const stable = (envelope: Record<string, any>) => ({
  ...envelope,
  meta: { ...envelope.meta, duration_ms: 0, timestamp: 'T', evidence_id: 'E' },
});

const service = () => createCommunicationService({ env: {}, connectors: [widgets] });

describe('the service API answers exactly as the CLI does', () => {
  it('a success', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(widget(7), { headers: { 'x-request-id': 'r-7' } })));
    const viaService = await service().execute('aos-widgets', 'widget.get', { id: 7 }, { env: freshEnv() });
    const viaCli = (await runCli(widgets, ['--json', 'widget', 'get', '7'], freshEnv())).json();
    expect(envelopeSchema.parse(viaService)).toMatchObject({ ok: true, data: widget(7), meta: { request_ids: ['r-7'] } });
    expect(stable(viaService)).toEqual(stable(viaCli));
    expect(viaService.meta.evidence_id).not.toBe(viaCli.meta.evidence_id);
  });

  it('a permission denial, before validation and without a request', async () => {
    const viaService = await service().invoke('aos-widgets', 'widget.delete', {}, { env: freshEnv() });
    const viaCli = await runCli(widgets, ['--json', 'widget', 'delete'], freshEnv());
    expect(viaService.envelope).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', details: { required_mode: 'admin', actual_mode: 'readonly' } } });
    expect(viaService.exitCode).toBe(3);
    expect(viaCli.exitCode).toBe(3);
    expect(stable(viaService.envelope)).toEqual(stable(viaCli.json()));
    expect(api.requests).toHaveLength(0);
  });

  it('a validation error', async () => {
    const params = { name: '', color: 'green', tags: ['a', 'b'] };
    const viaService = await service().execute('aos-widgets', 'widget.create', params, { mode: 'write', env: freshEnv() });
    const argv = ['--json', '--mode', 'write', 'widget', 'create', '--name', '', '--color', 'green', '--tags', 'a', '--tags', 'b'];
    const viaCli = (await runCli(widgets, argv, freshEnv())).json();
    expect(viaService).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
    // JSON input is named by its keys, the CLI's by its flags; the rest of the envelope is the same.
    expect(viaService.ok ? '' : viaService.error.message).toMatch(/"name".*"color"/);
    expect(viaCli.ok ? '' : viaCli.error.message).toMatch(/--name.*--color/);
    const withoutMessage = (envelope: typeof viaService) => ({ ...stable(envelope), error: { ...(envelope.ok ? {} : envelope.error), message: undefined } });
    expect(withoutMessage(viaService)).toEqual(withoutMessage(viaCli));
  });

  it('a vendor 422 (VALIDATION_FAILED)', async () => {
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json({ message: 'name taken' }, { status: 422 })));
    const env = freshEnv({ WIDGETS_TEAM: 'core' });
    const viaService = await service().execute('aos-widgets', 'widget.create', { name: 'gear' }, { mode: 'write', env });
    const viaCli = (await runCli(widgets, ['--json', '--mode', 'write', 'widget', 'create', '--name', 'gear'], freshEnv({ WIDGETS_TEAM: 'core' }))).json();
    expect(viaService).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { http_status: 422 } } });
    expect(stable(viaService)).toEqual(stable(viaCli));
  });
});

describe('calls', () => {
  it('pass arrays, booleans and numbers as the CLI would, and dry runs send nothing', async () => {
    const result = await service().execute('aos-widgets', 'widget.bulk_recolor', { ids: [1, 2, 3], color: 'blue' }, { dryRun: true, env: freshEnv() });
    expect(result).toMatchObject({ ok: true, data: { dry_run: true, request: { method: 'POST', url: `${API}/widgets/recolor`, body: { ids: [1, 2, 3], color: 'blue' } } }, meta: { dry_run: true } });
    expect(api.requests).toHaveLength(0);
  });

  it('keep a value that looks like a flag a value', async () => {
    let sent: unknown;
    api.server.use(http.post(`${API}/widgets`, async ({ request }) => HttpResponse.json({ id: 1, ...(sent = await request.json()) as object }, { status: 201 })));
    const result = await service().execute('aos-widgets', 'widget.create', { name: '--mode=admin' }, { mode: 'write', env: freshEnv({ WIDGETS_TEAM: 't' }) });
    expect(result).toMatchObject({ ok: true, meta: { mode: 'write' } });
    expect(sent).toMatchObject({ name: '--mode=admin' });
  });

  it('run list commands with their paging flags', async () => {
    api.server.use(http.get(`${API}/widgets`, ({ request }) => {
      const perPage = Number(new URL(request.url).searchParams.get('per_page'));
      return HttpResponse.json(Array.from({ length: perPage }, (_, i) => widget(i + 1)));
    }));
    const result = await service().execute('aos-widgets', 'widget.list', { limit: 2, color: 'red' }, { env: freshEnv() });
    expect(result).toMatchObject({ ok: true, data: { widgets: [widget(1), widget(2)], has_more: false } });
    expect(new URL(api.requests[0]!.url).searchParams.get('color')).toBe('red');
  });

  it('go through the policy: a denied command, and an approval passed as an option', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aos-service-policy-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify({ version: 1, tools: { 'aos-widgets': { blocked_commands: ['widget.list'], require_approval: ['widget.delete'] } } }));
    const env = freshEnv({ AOS_POLICY: file, AOS_STATE_DIR: join(dir, 'state') });
    const svc = service();
    const denied = await svc.invoke('aos-widgets', 'widget.list', {}, { env });
    expect(denied).toMatchObject({ exitCode: 3, envelope: { ok: false, error: { code: 'POLICY_DENIED' } } });
    const held = await svc.execute('aos-widgets', 'widget.delete', { id: 7 }, { mode: 'admin', env });
    expect(held).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    api.server.use(http.delete(`${API}/widgets/7`, () => new HttpResponse(null, { status: 204 })));
    const approved = await svc.execute('aos-widgets', 'widget.delete', { id: 7 }, { mode: 'admin', approve: held.meta.evidence_id, env });
    expect(approved).toMatchObject({ ok: true, data: { deleted: 7 } });
  });

  it('write one audit record each, keyed by the envelope evidence id', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(widget(7))));
    const env = freshEnv();
    const svc = service();
    const [a, b] = await Promise.all([svc.execute('aos-widgets', 'widget.get', { id: 7 }, { env }), svc.execute('aos-widgets', 'doctor', {}, { env })]);
    const records = readFileSync(join(env.AOS_AUDIT_DIR, 'aos-widgets.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.evidence_id).sort()).toEqual([a!.meta.evidence_id, b!.meta.evidence_id].sort());
    expect(new Set([a!.meta.evidence_id, b!.meta.evidence_id]).size).toBe(2);
  });

  it('take the service environment, with the call\'s on top', async () => {
    const svc = createCommunicationService({ env: { ...freshEnv(), WIDGETS_TOKEN: undefined, AOS_MODE: 'write' }, connectors: [widgets] });
    const health = await svc.execute('aos-widgets', 'health');
    expect(health).toMatchObject({ ok: true, data: { status: 'needs_setup' }, meta: { mode: 'write' } });
    const shown = await svc.execute('aos-widgets', 'config.show', {}, { env: { WIDGETS_TOKEN: TOKEN } });
    expect(JSON.stringify(shown)).not.toContain(TOKEN);
    expect(shown).toMatchObject({ ok: true, data: { secrets: [{ name: 'WIDGETS_TOKEN', present: true }] } });
  });

  it('answer an unknown command or flag with a usage envelope, like the CLI', async () => {
    const unknown = await service().invoke('aos-widgets', 'widget.nope', {}, { env: freshEnv() });
    expect(unknown).toMatchObject({ exitCode: 2, envelope: { ok: false, error: { code: 'INVALID_USAGE' } } });
    const badFlag = await service().execute('aos-widgets', 'widget.get', { id: 7, colour: 'red' }, { env: freshEnv() });
    expect(badFlag).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE' } });
  });

  it('reject an unregistered tool, a malformed command id and a double registration', async () => {
    const svc = service();
    await expect(svc.execute('aos-nope', 'x.y')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A command or parameter the tool does not have is the CLI's usage envelope, not a rejection.
    expect(await svc.execute('aos-widgets', '--version', {}, { env: freshEnv() })).toMatchObject({ ok: false, command: 'unknown', error: { code: 'INVALID_USAGE' } });
    expect(await svc.execute('aos-widgets', 'widget.get', { 'id; rm': 1 }, { env: freshEnv() })).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { unknown: ['id; rm'] } } });
    expect(() => svc.register(widgets)).toThrow(/already registered/);
  });

  it('refuse global flags smuggled in as parameters, so params cannot raise the mode', async () => {
    const svc = service();
    for (const params of [{ mode: 'admin' }, { dry_run: true }, { timeout_ms: 1 }, { approve: 'widget.delete' }, { help: true }, { json: false }]) {
      // In the caller's mode the gate refuses first; in admin mode the key itself is refused.
      expect(await svc.execute('aos-widgets', 'widget.delete', { id: 7, ...params }, { env: freshEnv() })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', details: { actual_mode: 'readonly' } } });
      const key = Object.keys(params)[0];
      expect(await svc.execute('aos-widgets', 'widget.delete', { id: 7, ...params }, { mode: 'admin', env: freshEnv() })).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', details: { unknown: [key] } } });
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe('list()', () => {
  it('gives each registered tool\'s capabilities, the same as `capabilities`', async () => {
    const svc = service();
    const [listed] = svc.list();
    const viaCommand = await svc.execute('aos-widgets', 'capabilities', {}, { env: freshEnv() });
    expect(viaCommand.ok && viaCommand.data).toEqual(listed);
    expect(listed!.commands.map((c) => c.id)).toContain('widget.bulk_recolor');
  });
});
