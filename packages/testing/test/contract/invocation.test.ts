import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/contract';
import { useMockApi } from '../../src/index.js';
import { API, cli, pagedWidgets, seenOutputs, TOKEN, widget } from '../helpers.js';

const api = useMockApi();

describe('invocation (CONTRACT §1)', () => {
  it('accepts global flags before, between and after the command path', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(widget(7))));
    for (const argv of [
      ['--json', '--mode', 'readonly', 'widget', 'get', '7'],
      ['widget', '--json', 'get', '7'],
      ['widget', 'get', '7', '--json', '--mode=readonly'],
    ]) {
      const result = await cli(argv);
      expect(result.exitCode, argv.join(' ')).toBe(0);
      expect(result.json()).toMatchObject({ ok: true, command: 'widget.get', data: { id: 7 } });
    }
  });

  it('takes the environment equivalents, and flags win over them', async () => {
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json(widget(1), { status: 201 })));
    const viaEnv = await cli(['widget', 'create', '--name', 'a'], { AOS_JSON: '1', AOS_MODE: 'write', AOS_TIMEOUT_MS: '5000' });
    expect(viaEnv.json()).toMatchObject({ ok: true, meta: { mode: 'write' } });
    const flagWins = await cli(['widget', 'create', '--name', 'a', '--mode', 'readonly'], { AOS_JSON: '1', AOS_MODE: 'admin' });
    expect(flagWins.exitCode).toBe(3);
  });

  it('treats "_" and "-" alike inside a command word', async () => {
    for (const word of ['bulk_recolor', 'bulk-recolor']) {
      const result = await cli(['--json', '--dry-run', 'widget', word, '--ids', '1', '--color', 'red']);
      expect(result.json()).toMatchObject({ ok: true, command: 'widget.bulk_recolor' });
    }
  });

  it('reads positionals and repeatable or comma-separated list flags', async () => {
    const result = await cli(['--json', '--dry-run', 'widget', 'create', '--name', 'g', '--tags', 'a,b', '--tags', 'c']);
    expect(result.json().data.request.body).toEqual({ name: 'g', color: 'red', tags: ['a', 'b', 'c'] });
  });

  it('prints the version plainly and as an envelope', async () => {
    expect((await cli(['--version'])).stdout).toBe('1.2.3\n');
    const json = await cli(['widget', 'list', '--version', '--json']);
    expect(json.json()).toMatchObject({ ok: true, command: 'version', data: { version: '1.2.3', tool: 'aos-widgets' } });
  });

  it('serves --help for the connector, a group and a command; as an envelope under --json', async () => {
    const top = await cli(['--help']);
    expect(top.exitCode).toBe(0);
    expect(top.stdout).toContain('widget');
    expect(top.stdout).toContain('config');
    const leaf = await cli(['widget', 'create', '--help']);
    expect(leaf.stdout).toContain('--name');
    expect(leaf.stdout).toContain('Global flags');
    const json = await cli(['--json', 'widget', '--help']);
    expect(json.json()).toMatchObject({ ok: true, data: { help: expect.stringContaining('bulk_recolor') } });
  });
});

describe('usage errors are envelopes with exit 2 (CONTRACT §2–3)', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown command', ['--json', 'gizmo', 'list'], /Unknown command "gizmo"/],
    ['unknown subcommand', ['--json', 'widget', 'explode'], /Unknown "widget" command "explode"/],
    ['group without a verb', ['--json', 'widget'], /needs a command/],
    ['no command', ['--json'], /needs a command/],
    ['unknown flag', ['--json', 'widget', 'list', '--colour', 'red'], /unknown option '--colour'/],
    ['bad --mode', ['--json', '--mode', 'superuser', 'widget', 'list'], /--mode must be one of/],
    ['bad AOS_MODE', ['--json', 'widget', 'list'], /AOS_MODE must be one of/],
    ['--mode without value', ['--json', 'widget', 'list', '--mode'], /--mode needs a value/],
    ['bad --timeout-ms', ['--json', '--timeout-ms', 'soon', 'widget', 'list'], /--timeout-ms must be/],
    ['missing required argument', ['--json', '--mode', 'write', 'widget', 'create'], /--name is required/],
    ['argument of the wrong type', ['--json', 'widget', 'get', 'seven'], /--id: .*expected number/],
    ['value outside an enum', ['--json', 'widget', 'list', '--color', 'green'], /--color/],
    ['too many positionals', ['--json', 'widget', 'get', '1', '2'], /too many arguments/],
    ['arguments to a built-in', ['--json', 'health', 'now'], /takes no arguments/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const result = await cli(argv, name === 'bad AOS_MODE' ? { AOS_MODE: 'god' } : {});
      expect(result.exitCode).toBe(2);
      const envelope = envelopeSchema.parse(result.json());
      expect(envelope).toMatchObject({ ok: false, tool: 'aos-widgets', error: { code: 'INVALID_USAGE' } });
      expect(envelope.ok ? '' : envelope.error.message).toMatch(message);
      expect(result.stdout.trim().split('\n')).toHaveLength(1);
      expect(api.requests).toHaveLength(0);
    });
  }

  it('says the same to people on stderr, one line with a hint, nothing on stdout', async () => {
    const result = await cli(['widget', 'get', 'seven']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: Invalid arguments for widget.get: --id: .* \[INVALID_USAGE\]\nhint: /);
  });
});

describe('lists (CONTRACT §2)', () => {
  it('returns the plural key, next_cursor and has_more, following pages up to --limit', async () => {
    api.server.use(pagedWidgets(120));
    const result = await cli(['--json', 'widget', 'list', '--limit', '70']);
    const { data } = result.json();
    expect(data.widgets).toHaveLength(70);
    expect(data.widgets[69]).toEqual(widget(70));
    expect(data.has_more).toBe(true);
    expect(api.requests.map((r) => new URL(r.url).search)).toEqual(['?per_page=50', '?per_page=50&page=2']);
    expect(result.json().meta.request_ids).toEqual(['req-1', 'req-2']);
    expect(typeof data.next_cursor).toBe('string');
  });

  it('resumes from --cursor where the last call stopped', async () => {
    api.server.use(pagedWidgets(120));
    const first = (await cli(['--json', 'widget', 'list', '--limit', '50'])).json().data;
    expect(first.widgets.at(-1)).toEqual(widget(50));
    const second = (await cli(['--json', 'widget', 'list', '--limit', '50', '--cursor', first.next_cursor])).json().data;
    expect(second.widgets[0]).toEqual(widget(51));
  });

  it('resumes inside a fixed-size page that a --limit cut short, losing and repeating nothing', async () => {
    api.server.use(pagedWidgets(300));
    const first = (await cli(['--json', 'widget', 'list', '--limit', '70'])).json().data;
    expect(first.widgets.map((w: { id: number }) => w.id)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    const second = (await cli(['--json', 'widget', 'list', '--limit', '50', '--cursor', first.next_cursor])).json().data;
    expect(second.widgets.map((w: { id: number }) => w.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 71));
    const third = (await cli(['--json', 'widget', 'list', '--all', '--cursor', second.next_cursor])).json().data;
    expect(third.widgets[0].id).toBe(121);
    expect(third.widgets.at(-1).id).toBe(300);
  });

  it('rejects a forged harness cursor', async () => {
    const result = await cli(['--json', 'widget', 'list', '--cursor', 'aos1.bm90LWpzb24']);
    expect(result.exitCode).toBe(2);
    expect(result.json().error.message).toMatch(/not a cursor returned by this connector/);
  });

  it('refuses a cursor that points at another host (it would carry the token there)', async () => {
    const result = await cli(['--json', 'widget', 'list', '--cursor', 'https://evil.example/steal?page=2']);
    expect(result.exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });

  it('returns an empty list with has_more false on the last page', async () => {
    api.server.use(pagedWidgets(0));
    expect((await cli(['--json', 'widget', 'list'])).json().data).toEqual({ widgets: [], next_cursor: null, has_more: false });
  });

  it('--all streams every page as one valid envelope', async () => {
    api.server.use(pagedWidgets(260));
    const result = await cli(['--json', 'widget', 'list', '--all']);
    const envelope = envelopeSchema.parse(result.json());
    expect(envelope.ok).toBe(true);
    const data = (envelope as { data: { widgets: unknown[]; has_more: boolean } }).data;
    expect(data.widgets).toHaveLength(260);
    expect(data.has_more).toBe(false);
  });

  it('--all that breaks off mid-way still prints one valid object: the items so far, the error and the cursor to resume', async () => {
    // Pages 1 and 2 succeed; page 3 is gone.
    api.server.use(
      http.get(`${API}/widgets`, ({ request }) =>
        new URL(request.url).searchParams.get('page') === '3' ? HttpResponse.json({ message: 'gone' }, { status: 404 }) : undefined,
      ),
      pagedWidgets(500),
    );
    const result = await cli(['--json', 'widget', 'list', '--all']);
    expect(result.exitCode).toBe(6);
    const parsed = result.json();
    expect(parsed).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' }, data: { has_more: true } });
    expect(parsed.data.widgets).toHaveLength(100);
    expect(parsed.data.next_cursor).toContain('page=3');
    expect(result.audit()[0]).toMatchObject({ outcome: 'NOT_FOUND', exit_code: 6 });
  });

  it('renders a table for people, with the resume hint on stderr', async () => {
    api.server.use(pagedWidgets(3));
    const result = await cli(['widget', 'list', '--limit', '2'], { NO_COLOR: '1' });
    expect(result.stdout).toBe('ID  NAME      COLOR\n1   widget-1  red\n2   widget-2  blue\n');
    expect(result.stderr).toContain('--cursor');
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});
