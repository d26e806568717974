import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { useMockApi } from '../../src/index.js';
import { API, cli, seenOutputs, TOKEN, widget } from '../helpers.js';

const api = useMockApi();

describe('modes (CONTRACT §4)', () => {
  const gated: [string[], string, string[]][] = [
    [['widget', 'create', '--name', 'x'], 'write', ['readonly']],
    [['widget', 'bulk_recolor', '--ids', '1', '--color', 'red'], 'full', ['readonly', 'write']],
    [['widget', 'delete', '7'], 'admin', ['readonly', 'write', 'full']],
  ];
  for (const [argv, required, lower] of gated) {
    it(`${argv.slice(0, 2).join(' ')} needs ${required}: exit 3 and no request in ${lower.join(', ')}`, async () => {
      for (const mode of lower) {
        const result = await cli(['--json', '--mode', mode, ...argv]);
        expect(result.exitCode).toBe(3);
        expect(result.json()).toMatchObject({
          ok: false,
          command: `widget.${argv[1]}`,
          error: { code: 'PERMISSION_DENIED', details: { required_mode: required, actual_mode: mode } },
          meta: { mode },
        });
      }
      expect(api.requests).toHaveLength(0);
    });
  }

  it('checks the mode before validating arguments', async () => {
    const result = await cli(['--json', 'widget', 'delete', 'not-a-number', '--bogus']);
    expect(result.json().error.code).toBe('PERMISSION_DENIED');
  });

  it('checks the mode before looking for credentials', async () => {
    const result = await cli(['--json', 'widget', 'delete', '7'], {}, { WIDGETS_API_URL: API });
    expect(result.json().error.code).toBe('PERMISSION_DENIED');
  });

  it('runs the command in a high enough mode', async () => {
    api.server.use(http.delete(`${API}/widgets/7`, () => new HttpResponse(null, { status: 204 })));
    const result = await cli(['--json', '--mode', 'admin', 'widget', 'delete', '7']);
    expect(result.json()).toMatchObject({ ok: true, data: { deleted: 7 }, meta: { mode: 'admin' } });
  });
});

describe('--dry-run (CONTRACT §4)', () => {
  it('returns the exact request, redacted, in any mode, and sends nothing', async () => {
    for (const mode of ['readonly', 'write', 'admin']) {
      const result = await cli(['--json', '--dry-run', '--mode', mode, 'widget', 'create', '--name', 'gear', '--color', 'blue']);
      expect(result.exitCode).toBe(0);
      expect(result.json()).toMatchObject({
        ok: true,
        command: 'widget.create',
        data: {
          dry_run: true,
          request: {
            method: 'POST',
            url: `${API}/widgets`,
            headers: { authorization: '[REDACTED]', 'content-type': 'application/json', accept: 'application/json' },
            body: { name: 'gear', color: 'blue' },
          },
        },
        meta: { dry_run: true, mode },
      });
    }
    expect(api.requests).toHaveLength(0);
  });

  it('still validates the arguments', async () => {
    const result = await cli(['--json', '--dry-run', 'widget', 'create']);
    expect(result.exitCode).toBe(2);
  });

  it('works without credentials (nothing is sent)', async () => {
    const result = await cli(['--json', '--dry-run', 'widget', 'delete', '9'], {}, { WIDGETS_API_URL: API });
    expect(result.json()).toMatchObject({ ok: true, data: { request: { method: 'DELETE', url: `${API}/widgets/9` } } });
  });

  it('is recorded in the audit log as a dry run', async () => {
    const result = await cli(['--json', '--dry-run', 'widget', 'delete', '9']);
    expect(result.audit()).toMatchObject([{ command: 'widget.delete', dry_run: true, outcome: 'ok', http: [] }]);
  });
});

describe('audit (CONTRACT §7)', () => {
  it('appends one redacted record per invocation with the HTTP exchanges and side effects', async () => {
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json(widget(42), { status: 201, headers: { 'x-request-id': 'r-42' } })));
    const result = await cli(['--json', '--mode', 'write', 'widget', 'create', '--name', 'gear'], { WIDGETS_TEAM: 'core' });
    const envelope = result.json();
    const [record, ...rest] = result.audit();
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      evidence_id: envelope.meta.evidence_id,
      tool: 'aos-widgets',
      version: '1.2.3',
      command: 'widget.create',
      mode: 'write',
      arguments: { name: 'gear', color: 'red' },
      dry_run: false,
      outcome: 'ok',
      exit_code: 0,
      http: [{ method: 'POST', url: `${API}/widgets`, status: 201, request_id: 'r-42' }],
      side_effects: [{ kind: 'create', resource: 'widget', id: '42' }],
    });
    expect(envelope.meta.request_ids).toEqual(['r-42']);
  });

  it('records failures with their code and exit code, and usage errors too', async () => {
    const result = await cli(['--json', 'gizmo']);
    expect(result.audit()).toMatchObject([{ command: 'unknown', outcome: 'INVALID_USAGE', exit_code: 2 }]);
  });

  it('gives every invocation its own evidence id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await cli(['--json', 'doctor'])).json().meta.evidence_id);
    expect(ids.size).toBe(20);
  });

  it('is switched off with AOS_AUDIT=off', async () => {
    const result = await cli(['--json', 'doctor'], { AOS_AUDIT: 'off' });
    expect(result.audit()).toEqual([]);
  });

  it('never breaks the command when the audit directory is unwritable', async () => {
    // A directory cannot be created below a regular file (ENOTDIR).
    const file = join(mkdtempSync(join(tmpdir(), 'aos-audit-')), 'not-a-dir');
    writeFileSync(file, '');
    const result = await cli(['--json', 'doctor'], { AOS_AUDIT_DIR: join(file, 'audit') });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/audit log not written/);
  });

  it('scrubs a secret given with surrounding whitespace (requests carry it trimmed)', async () => {
    api.server.use(http.get(`${API}/widgets/7`, ({ request }) => HttpResponse.json({ id: 7, echoed: request.headers.get('authorization') })));
    const result = await cli(['--json', '--verbose', 'widget', 'get', '7'], { WIDGETS_TOKEN: `  ${TOKEN}\n` });
    expect(result.json().data.echoed).toBe('Bearer [REDACTED]');
    expect(JSON.stringify(result.audit()) + result.stderr).not.toContain(TOKEN);
  });

  it('redacts secrets that reach the audit log through arguments', async () => {
    const result = await cli(['--json', '--dry-run', 'widget', 'create', '--name', TOKEN]);
    expect(JSON.stringify(result.audit())).not.toContain(TOKEN);
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stdout).toContain('[REDACTED]');
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});
