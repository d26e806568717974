import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '../../src/index.js';
import { API, cli, widget } from '../helpers.js';

const api = useMockApi();

/** `[[[…1…]]]` nested `depth` levels deep, as text (JSON.stringify would itself overflow). */
const nested = (depth: number, open = '[', close = ']') => `${open.repeat(depth)}1${close.repeat(depth)}`;

describe('issue 11 finding 6c: CLI numbers are decimal digits only', () => {
  it.each([['0x10'], ['1e3'], ['1.5'], [' 7'], ['Infinity'], ['0b11'], ['']])('--id %j is INVALID_USAGE naming the flag, nothing sent', async (value) => {
    let sent = 0;
    api.server.use(http.get(`${API}/widgets/:id`, () => {
      sent += 1;
      return HttpResponse.json(widget(16));
    }));
    const result = await cli(['--json', 'widget', 'get', '--id', value]);
    expect(result.exitCode).toBe(2);
    expect(result.json().error.code).toBe('INVALID_USAGE');
    expect(JSON.stringify(result.json().error)).toContain('id');
    expect(sent).toBe(0);
  });

  it('an array of integers refuses 0x10 too; plain decimals (and a sign) still pass', async () => {
    expect((await cli(['--json', 'widget', 'bulk_recolor', '--ids', '1,0x10', '--color', 'red', '--mode', 'full'])).json().error.code).toBe('INVALID_USAGE');
    api.server.use(http.get(`${API}/widgets/16`, () => HttpResponse.json(widget(16))));
    const ok = await cli(['--json', 'widget', 'get', '--id', '+16']);
    expect(ok.exitCode).toBe(0);
    expect(ok.json().data.id).toBe(16);
  });
});

describe('issue 11 finding 7a: vendor JSON nested absurdly deep', () => {
  it.each([
    ['arrays, 5,000 deep', nested(5000)],
    ['objects, 5,000 deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
    ['300 deep, past the 256 cap', nested(300)],
  ])('%s: BACKEND_UNAVAILABLE naming the depth, not INTERNAL_ERROR', async (_name, body) => {
    api.server.use(http.get(`${API}/widgets/1`, () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
    const result = await cli(['--json', 'widget', 'get', '1']);
    expect(result.exitCode).toBe(5);
    expect(result.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', details: { max_depth: 256, retryable: false } });
    expect(result.json().error.message).toContain('256');
  });

  it('brackets inside strings do not count; 200 deep is accepted', async () => {
    api.server.use(http.get(`${API}/widgets/1`, () => new HttpResponse(JSON.stringify({ ...widget(1), name: '['.repeat(10_000), extra: JSON.parse(nested(200)) }), { headers: { 'content-type': 'application/json' } })));
    const result = await cli(['--json', 'widget', 'get', '1']);
    expect(result.exitCode).toBe(0);
    expect(result.json().data.name).toHaveLength(10_000);
  });
});

describe('issue 11 finding 7b: a list page that is not a list', () => {
  it.each([[{}], [null], [{ items: 'nope' }]])('%j where a list is due: BACKEND_UNAVAILABLE, exit 5', async (body) => {
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json(body)));
    const result = await cli(['--json', 'widget', 'list']);
    expect(result.exitCode).toBe(5);
    expect(result.json().error.code).toBe('BACKEND_UNAVAILABLE');
  });
});

describe('issue 11 finding 7c: a 200,000-row page for people', () => {
  const many = Array.from({ length: 200_000 }, (_, i) => widget(i + 1));
  it('human --all renders all rows as a table (no stack overflow)', async () => {
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json(many)));
    const result = await cli(['widget', 'list', '--all']);
    expect(result.stderr).not.toMatch(/INTERNAL_ERROR|Maximum call stack/);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toMatch(/^ID\s+NAME\s+COLOR$/);
    expect(lines[200_000]).toMatch(/^200000\s+widget-200000\s+blue$/);
  }, 60_000);

  it('human without --all and a page far larger than asked: truncated to the limit, resumable', async () => {
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json(many)));
    const result = await cli(['widget', 'list', '--limit', '100']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(101);
    expect(result.stderr).toContain('--cursor');
  }, 60_000);
});
