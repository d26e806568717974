import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { capabilitiesSchema, envelopeSchema, parseGlobalFlags } from '@aos-connectors/contract';
import { invoke } from '@aos-connectors/core';
import { useMockApi } from '../../src/index.js';
import widgets from '../fixture/src/connector.js';
import { API, cli, pagedWidgets, TOKEN } from '../helpers.js';

const api = useMockApi();

const owned = (id: number) => ({ id, name: `widget-${id}`, color: id % 2 ? 'red' : 'blue', owner: { login: `user${id}`, id: 100 + id }, internal_flag: true });

describe('--fields: only the declared fields asked for', () => {
  it('is a global flag, comma-separated, anywhere in argv', () => {
    expect(parseGlobalFlags(['widget', 'list', '--fields', 'id, owner.login', '--fields=name,id'], {})).toMatchObject({
      flags: { fields: ['id', 'owner.login', 'name'] },
      rest: ['widget', 'list'],
      problems: [],
    });
    expect(parseGlobalFlags(['widget', 'list', '--fields'], {}).problems).toEqual([expect.stringMatching(/--fields needs/)]);
  });

  it('projects each item of a list, keeping nesting', async () => {
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json([owned(1), owned(2)])));
    const result = await cli(['--json', 'widget', 'list', '--fields', 'id,owner.login']);
    expect(result.exitCode).toBe(0);
    const envelope = envelopeSchema.parse(result.json());
    expect(envelope).toMatchObject({ ok: true });
    expect((envelope as { data: unknown }).data).toEqual({
      widgets: [{ id: 1, owner: { login: 'user1' } }, { id: 2, owner: { login: 'user2' } }],
      next_cursor: null,
      has_more: false,
    });
  });

  it('projects the record of a single command; an absent or null field stays absent or null', async () => {
    api.server.use(
      http.get(`${API}/widgets/3`, () => HttpResponse.json(owned(3))),
      http.get(`${API}/widgets/4`, () => HttpResponse.json({ ...owned(4), owner: null })),
    );
    const three = await cli(['--json', 'widget', 'get', '3', '--fields', 'name,owner.id']);
    expect(three.json()).toMatchObject({ ok: true, data: { name: 'widget-3', owner: { id: 103 } } });
    expect(Object.keys(three.json().data)).toEqual(['name', 'owner']);
    const four = await cli(['--fields', 'id,owner.login,owner', '--json', 'widget', 'get', '4']);
    expect(four.json().data).toEqual({ id: 4, owner: null });
  });

  it('projects each item of a streamed --all', async () => {
    api.server.use(pagedWidgets(120));
    const result = await cli(['--json', 'widget', 'list', '--all', '--fields', 'name']);
    expect(result.exitCode).toBe(0);
    const data = result.json().data;
    expect(data.widgets).toHaveLength(120);
    expect(data.widgets[0]).toEqual({ name: 'widget-1' });
    expect(data.widgets.every((item: object) => Object.keys(item).join() === 'name')).toBe(true);
    expect(api.requests.length).toBeGreaterThan(1);
  });

  it('refuses an undeclared field with INVALID_USAGE (exit 2) listing the declared ones, before any request', async () => {
    const result = await cli(['--json', 'widget', 'list', '--fields', 'id,secret_sauce']);
    expect(result.exitCode).toBe(2);
    const { error } = result.json();
    expect(error).toMatchObject({ code: 'INVALID_USAGE', details: { unknown: ['secret_sauce'], declared: ['id', 'name', 'color', 'owner', 'owner.login', 'owner.id'] } });
    expect(error.message).toMatch(/secret_sauce.*--fields.*declared fields: id, name, color, owner, owner\.login, owner\.id/);
    expect(api.requests).toHaveLength(0);
  });

  it('refuses --fields on a command that declares no output, and on a built-in', async () => {
    const crash = await cli(['--json', 'debug', 'crash', '--fields', 'id']);
    expect(crash.exitCode).toBe(2);
    expect(crash.json().error).toMatchObject({ code: 'INVALID_USAGE', message: expect.stringMatching(/debug\.crash declares no output fields/) });
    const health = await cli(['--json', 'health', '--fields', 'status']);
    expect(health.json().error).toMatchObject({ code: 'INVALID_USAGE' });
    expect(api.requests).toHaveLength(0);
  });

  it('works through invoke as `fields`, with errors naming the JSON key and pointing at capabilities', async () => {
    api.server.use(http.get(`${API}/widgets/5`, () => HttpResponse.json(owned(5))));
    const env = { HOME: mkdtempSync(join(tmpdir(), 'aos-fields-')), AOS_AUDIT: 'off', WIDGETS_TOKEN: TOKEN, WIDGETS_API_URL: API };
    const ok = await invoke(widgets, { command: 'widget.get', input: { id: 5 }, fields: ['color', 'owner.login'], env });
    expect(ok.envelope).toMatchObject({ ok: true, data: { color: 'red', owner: { login: 'user5' } } });
    expect(Object.keys((ok.envelope as { data: object }).data)).toEqual(['color', 'owner']);
    const bad = await invoke(widgets, { command: 'widget.get', input: { id: 5 }, fields: ['nope'], env });
    expect(bad.exitCode).toBe(2);
    expect(bad.envelope).toMatchObject({ ok: false, error: { code: 'INVALID_USAGE', message: expect.stringContaining('"fields"') } });
    expect(JSON.stringify(bad.envelope)).not.toContain('--');
    const badArg = await invoke(widgets, { command: 'widget.get', input: { id: 'x' }, env });
    expect(JSON.stringify(badArg.envelope)).not.toMatch(/--help|--id/);
    expect((await invoke(widgets, { command: 'widget.get', input: { id: 5 }, fields: 'id' as never, env })).exitCode).toBe(2);
    expect(api.requests).toHaveLength(1);
  });

  it('capabilities give each command with a declared output its output_schema (a list: the item)', async () => {
    const result = await cli(['--json', 'capabilities']);
    const capabilities = capabilitiesSchema.parse(result.json().data);
    const list = capabilities.commands.find((c) => c.id === 'widget.list')!;
    expect(list).toMatchObject({ list_key: 'widgets', output_schema: { type: 'object', properties: { id: { type: 'integer' }, owner: {} } } });
    expect(list.output_schema).not.toHaveProperty('additionalProperties');
    expect(capabilities.commands.find((c) => c.id === 'widget.get')!.output_schema).toEqual(list.output_schema);
    expect(capabilities.commands.find((c) => c.id === 'debug.crash')).not.toHaveProperty('output_schema');
  });
});
