import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, useMockApi, type RunCliOptions } from '../../src/index.js';
import widgets from '../fixture/src/connector.js';
import { API, env, pagedWidgets, seenOutputs, TOKEN } from '../helpers.js';

const api = useMockApi();
const ESC = '\u001b[';
const DAY = 86_400_000;

/** A run for people: NO_COLOR unless given otherwise, a terminal 80 columns wide when `tty`. */
async function human(argv: string[], options: RunCliOptions = {}, extra: Record<string, string> = { NO_COLOR: '1' }, base: Record<string, string> = env()) {
  const result = await runCli(widgets, argv, { ...base, ...extra }, options.isTTY ? { columns: 80, ...options } : options);
  seenOutputs.push(result.stdout, result.stderr);
  return result;
}

const tty: RunCliOptions = { isTTY: true, columns: 80 };

const richWidget = () => ({
  id: 7,
  name: 'sprocket',
  color: 'red',
  labels: [{ name: 'bug' }, { name: 'ui' }, { name: 'docs' }, { name: 'p1' }],
  tags: ['a', 'b'],
  owner: { login: 'octo', id: 1 },
  team: null,
  archived: false,
  created_at: new Date(Date.now() - 3 * DAY - 60_000).toISOString(),
  description: `A very long description that goes on and on, ${'and on '.repeat(20)}until the end.\nSecond line.`,
});

describe('issue 13 item 3: records', () => {
  it('aligned key/value lines, nested values summarised, long strings cut to the width, relative time on a TTY', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(richWidget())));
    const result = await human(['widget', 'get', '7'], tty);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "id           7
      name         sprocket
      color        red
      labels       4 items (bug, ui, docs, …)
      tags         2 items (a, b)
      owner        octo
      team
      archived     false
      created_at   3 days ago
      description  A very long description that goes on and on, and on and on and on …
      "
    `);
  });

  it('ISO times and no escape codes when not a terminal (width 100)', async () => {
    const widget = richWidget();
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(widget)));
    const result = await human(['widget', 'get', '7'], {}, {});
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain(`created_at   ${widget.created_at}\n`);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('colour on a TTY without NO_COLOR; none with it', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json(richWidget())));
    expect((await human(['widget', 'get', '7'], tty, {})).stdout).toContain(ESC);
    expect((await human(['widget', 'get', '7'], tty)).stdout).not.toContain(ESC);
  });
});

describe('issue 13 item 3: tables', () => {
  it('fit the terminal width: the widest column is truncated with …', async () => {
    const long = (id: number) => ({ id, name: `widget-${id} ${'with a rather long name '.repeat(4)}`, color: id % 2 ? 'red' : 'blue' });
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json([long(1), long(22), long(333)])));
    const result = await human(['widget', 'list'], tty);
    expect(result.stdout).toMatchInlineSnapshot(`
      "ID   NAME                                                                  COLOR
      1    widget-1 with a rather long name with a rather long name with a rat…  red
      22   widget-22 with a rather long name with a rather long name with a ra…  blue
      333  widget-333 with a rather long name with a rather long name with a r…  red
      "
    `);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('non-TTY: fit 100 columns, no escape codes', async () => {
    const long = { id: 1, name: 'x'.repeat(300), color: 'red' };
    api.server.use(http.get(`${API}/widgets`, () => HttpResponse.json([long])));
    const result = await human(['widget', 'list'], {}, {});
    expect(result.stdout).not.toContain(ESC);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`ID  ${'NAME'.padEnd(89)}  COLOR`);
    expect(lines[1]).toBe(`1   ${'x'.repeat(88)}…  red`);
  });

  it('streamed --all: a later page with wider cells widens its columns, never narrows them', async () => {
    api.server.use(pagedWidgets(120));
    const result = await human(['widget', 'list', '--all']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(121);
    expect(lines[0]).toBe('ID  NAME       COLOR');
    expect(lines[1]).toBe('1   widget-1   red');
    expect(lines[120]).toBe('120  widget-120  blue');
  });
});

describe('issue 13 item 3: health, doctor, dry runs', () => {
  it('health: status line, one line per check, numbered next steps without duplicates', async () => {
    const result = await human(['health'], {}, { NO_COLOR: '1' }, { WIDGETS_API_URL: API });
    expect(result.stdout).toMatchInlineSnapshot(`
      "Status: needs setup (not ready)
      fail credentials  WIDGETS_TOKEN not set

      Next steps:
        1. Create an API token at widgets.example/settings
        2. Set WIDGETS_TOKEN in the environment.
      "
    `);
  });

  it('health on a colour terminal: ✓ and ✗', async () => {
    api.server.use(http.get(`${API}/me`, () => HttpResponse.json({ name: 'octo' })));
    const result = await human(['health'], tty, {});
    expect(result.stdout).toContain('\u001b[32m✓\u001b[39m credentials');
    const plain = await human(['health']);
    expect(plain.stdout).toMatchInlineSnapshot(`
      "Status: healthy
      ok   credentials  WIDGETS_TOKEN from WIDGETS_TOKEN
      ok   api          authenticated as octo
      "
    `);
    api.server.use(http.get(`${API}/me`, () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 })));
    const failing = await human(['health'], tty, {});
    expect(failing.stdout).toContain('\u001b[31m✗\u001b[39m credentials');
    expect(failing.stdout).toContain('\u001b[31m✗\u001b[39m api');
  });

  it('doctor: a table of commands, ready yes/no and what is missing, then next steps', async () => {
    const result = await human(['doctor'], tty, { NO_COLOR: '1' }, { WIDGETS_API_URL: API });
    expect(result.stdout).toMatchInlineSnapshot(`
      "Ready: no (7 of 7 commands need setup)

      COMMAND              READY  MISSING
      widget.list          no     WIDGETS_TOKEN
      widget.get           no     WIDGETS_TOKEN
      widget.create        no     WIDGETS_TOKEN, WIDGETS_TEAM
      widget.bulk_recolor  no     WIDGETS_TOKEN
      widget.delete        no     WIDGETS_TOKEN
      debug.crash          no     WIDGETS_TOKEN
      debug.hang           no     WIDGETS_TOKEN

      Next steps:
        1. Set WIDGETS_TOKEN: API token
        2. Set WIDGETS_TEAM: Default team
      "
    `);
  });

  it('dry run: method and URL, headers (redacted), the body as JSON, then the note', async () => {
    const result = await human(['--dry-run', 'widget', 'create', '--name', 'g', '--tags', 'a,b'], tty, { NO_COLOR: '1', WIDGETS_TEAM: 'core' });
    expect(result.exitCode).toBe(0);
    expect(api.requests).toHaveLength(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "POST https://api.widgets.test/v1/widgets
      user-agent: aos-widgets/1.2.3 (+https://github.com/aos-connectors)
      accept: application/json
      authorization: [REDACTED]
      content-type: application/json

      {
        "name": "g",
        "color": "red",
        "tags": [
          "a",
          "b"
        ],
        "team": "core"
      }
      "
    `);
    expect(result.stderr).toBe('Dry run: nothing was sent.\n');
  });

  it('--json is unchanged: one envelope', async () => {
    const result = await human(['--json', '--dry-run', 'widget', 'create', '--name', 'g'], tty, { WIDGETS_TEAM: 'core' });
    expect(result.json()).toMatchObject({ ok: true, data: { dry_run: true, request: { method: 'POST' } } });
  });
});

describe('issue 13 item 7: --all progress on stderr', () => {
  it('on a TTY: items and pages so far, rewritten with \\r, cleared at the end', async () => {
    api.server.use(pagedWidgets(120));
    const result = await human(['widget', 'list', '--all'], tty);
    expect(result.exitCode).toBe(0);
    const frames = result.stderr.split('\r').filter((frame) => frame.trim());
    expect(frames).toEqual(['Fetched 50 widgets (1 page)…', 'Fetched 100 widgets (2 pages)…', 'Fetched 120 widgets (3 pages)…']);
    // Cleared: the last thing written blanks the line and returns to its start.
    expect(result.stderr).toMatch(/\r {30}\r$/);
    expect(result.stderr).not.toContain(ESC);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(121);
  });

  it('not a TTY, or --json: no progress', async () => {
    api.server.use(pagedWidgets(120));
    expect((await human(['widget', 'list', '--all'])).stderr).toBe('');
    const json = await human(['--json', 'widget', 'list', '--all'], tty);
    expect(json.stderr).toBe('');
    expect(json.json().data.widgets).toHaveLength(120);
  });
});

afterAll(() => {
  for (const text of seenOutputs) expect(text).not.toContain(TOKEN);
});
