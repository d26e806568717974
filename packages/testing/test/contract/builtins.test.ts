import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { capabilitiesSchema } from '@aos-connectors/contract';
import { doctorSchema, healthSchema } from '@aos-connectors/contract';
import { useMockApi } from '../../src/index.js';
import { API, cli, seenOutputs, TOKEN } from '../helpers.js';

const api = useMockApi();

describe('health (CONTRACT §5)', () => {
  it('needs_setup without credentials, with next steps, and no request', async () => {
    const result = await cli(['--json', 'health'], {}, { WIDGETS_API_URL: API });
    expect(result.exitCode).toBe(0);
    const health = healthSchema.parse(result.json().data);
    expect(health).toMatchObject({ status: 'needs_setup', ready: false, checks: [{ name: 'credentials', ok: false }] });
    expect(health.next_steps.join(' ')).toContain('WIDGETS_TOKEN');
    expect(api.requests).toHaveLength(0);
  });

  it('healthy with valid credentials and a reachable API', async () => {
    api.server.use(http.get(`${API}/me`, () => HttpResponse.json({ name: 'octo' })));
    const result = await cli(['--json', 'health']);
    expect(result.json().data).toEqual({
      status: 'healthy',
      ready: true,
      checks: [
        { name: 'credentials', ok: true, detail: 'WIDGETS_TOKEN from WIDGETS_TOKEN' },
        { name: 'api', ok: true, detail: 'authenticated as octo' },
      ],
      next_steps: [],
    });
  });

  it('accepts a secret through its alias', async () => {
    api.server.use(http.get(`${API}/me`, ({ request }) => HttpResponse.json({ name: request.headers.get('authorization') === `Bearer ${TOKEN}` ? 'alias' : 'wrong' })));
    const result = await cli(['--json', 'health'], {}, { WIDGET_TOKEN: TOKEN, WIDGETS_API_URL: API });
    expect(result.json().data.checks[1].detail).toBe('authenticated as alias');
  });

  it('error (exit 0) when the credentials are refused', async () => {
    api.server.use(http.get(`${API}/me`, () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 })));
    const result = await cli(['--json', 'health']);
    expect(result.exitCode).toBe(0);
    expect(result.json().data).toMatchObject({ status: 'error', ready: false, checks: [{ name: 'credentials', ok: false }, { name: 'api', ok: false }] });
  });

  it('degraded (exit 0) when the API is down', async () => {
    api.server.use(http.get(`${API}/me`, () => HttpResponse.error()));
    const result = await cli(['--json', 'health']);
    expect(result.exitCode).toBe(0);
    expect(result.json().data).toMatchObject({ status: 'degraded', ready: false });
  });
});

describe('config show (CONTRACT §5)', () => {
  it('is offline and shows secrets only as present/absent with their source', async () => {
    const result = await cli(['--json', 'config', 'show'], { WIDGETS_TEAM: 'core' });
    expect(result.json().data).toMatchObject({
      secrets: [{ name: 'WIDGETS_TOKEN', present: true, source: 'WIDGETS_TOKEN' }],
      settings: [
        { name: 'WIDGETS_API_URL', value: API, source: 'WIDGETS_API_URL' },
        { name: 'WIDGETS_TEAM', value: 'core', source: 'WIDGETS_TEAM' },
      ],
    });
    expect(result.stdout).not.toContain(TOKEN);
    expect(api.requests).toHaveLength(0);
  });

  it('reports an absent secret and a default setting', async () => {
    const result = await cli(['--json', 'config', 'show'], {}, {});
    expect(result.json().data).toMatchObject({
      secrets: [{ name: 'WIDGETS_TOKEN', present: false, source: null }],
      settings: [{ name: 'WIDGETS_API_URL', value: 'https://api.widgets.example/v1', source: 'default' }, { value: null }],
    });
  });
});

describe('doctor and capabilities (CONTRACT §5)', () => {
  it('doctor lists per-command readiness and what is missing', async () => {
    const result = await cli(['--json', 'doctor']);
    const doctor = doctorSchema.parse(result.json().data);
    expect(doctor.commands['widget.list']).toEqual({ ready: true, missing: [] });
    expect(doctor.commands['widget.create']).toEqual({ ready: false, missing: ['WIDGETS_TEAM'] });
    expect(doctor.ready).toBe(false);
    expect(doctor.next_steps).toEqual(['Set WIDGETS_TEAM: Default team']);
  });

  it('capabilities describes every command with its path and JSON Schema input', async () => {
    const result = await cli(['--json', 'capabilities']);
    const capabilities = capabilitiesSchema.parse(result.json().data);
    const create = capabilities.commands.find((c) => c.id === 'widget.create')!;
    expect(create).toMatchObject({ path: ['widget', 'create'], required_mode: 'write', action_class: 'write', risk_tier: 2, dry_run: true });
    expect(create.input_schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, color: { enum: ['red', 'blue'], default: 'red' } },
      required: ['name'],
    });
    const list = capabilities.commands.find((c) => c.id === 'widget.list')!;
    expect(Object.keys(list.input_schema.properties as object)).toEqual(['color', 'limit', 'cursor', 'all']);
  });

  it('human output without --json; colour only on a TTY without NO_COLOR', async () => {
    const plain = await cli(['doctor']);
    expect(plain.stdout).toMatch(/^Ready: no/m);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await cli(['widget', 'get', 'x'], { FORCE_COLOR: '1' });
    expect(forced.stderr).toContain('\u001b[31merror');
    const noColor = await cli(['widget', 'get', 'x'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(noColor.stderr).not.toContain('\u001b[');
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});

describe('definition checks', () => {
  it('refuses a destructive verb declared below admin, and a write at readonly', async () => {
    const { defineConnector, command } = await import('@aos-connectors/core');
    const z = await import('zod');
    const base = {
      tool: 'aos-bad', root: new URL('../fixture/', import.meta.url), backend: 'x', label: 'X', category: 'test',
      auth: { kind: 'none' as const, required: false, interactive_setup: [] }, secrets: [], settings: [],
    };
    const run = async () => null;
    expect(() => defineConnector({ ...base, commands: [command({ id: 'repo.delete', summary: 's', resource: 'repo', action: 'write', risk: 2, input: z.object({}), run })] }))
      .toThrow(/"delete" is destructive or irreversible and needs mode admin/);
    expect(() => defineConnector({ ...base, commands: [command({ id: 'note.add', summary: 's', resource: 'note', action: 'write', mode: 'readonly', risk: 2, input: z.object({}), run })] }))
      .toThrow(/a write command needs at least mode write/);
    expect(() => defineConnector({ ...base, commands: [command({ id: 'x.get', summary: 's', resource: 'x', action: 'read', risk: 1, input: z.object({ json: z.boolean() }), run })] }))
      .toThrow(/--json shadows a global flag/);
  });
});
