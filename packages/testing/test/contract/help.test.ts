import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '../../src/index.js';
import { API, cli } from '../helpers.js';

const api = useMockApi();

// Help is generated from the definition and never wraps to the terminal: the text is the same at
// any width, so these snapshots hold wherever the tests run.
const ESC = /\u001b\[/;

describe('help from the definition', () => {
  it('top-level help: one line per command (words and summary), global flags, mcp and completion', async () => {
    const result = await cli(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: aos-widgets <command> [flags]

      Widgets connector

      Commands:
        widget list          List widgets
        widget get           Get one widget
        widget create        Create a widget
        widget bulk_recolor  Recolor many widgets
        widget delete        Delete a widget
        debug crash          Throws a bug (tests INTERNAL_ERROR)
        debug hang           Never finishes (tests the deadline)
        capabilities         Describe this connector and every command (machine-readable)
        health               Check credentials and API reachability
        config show          Show settings and which secrets are present (offline)
        doctor               Show which commands are ready to run and what is missing

      Global flags (accepted anywhere):
        --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
        --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
        --dry-run           show the request a write would send, send nothing
        --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
        --fields <a,b.c>    only these fields of each item or record (dotted paths)
        --input-json <obj>  the command's arguments as one JSON object instead of flags
        --verbose           detail on stderr (AOS_VERBOSE=1)
        --version, --help

      Serve these commands to an MCP client over stdio: mcp (--mode sets the session's mode)
      Shell completion: aos-widgets completion bash|zsh|fish
      Run "aos-widgets <command> --help" for a command's arguments and flags.
      "
    `);
  });

  it('group help lists the group\'s commands with their full words', async () => {
    const result = await cli(['widget', '--help']);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: aos-widgets widget <command> [flags]

      Commands under "widget"

      Commands:
        widget list          List widgets
        widget get           Get one widget
        widget create        Create a widget
        widget bulk_recolor  Recolor many widgets
        widget delete        Delete a widget

      Global flags (accepted anywhere):
        --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
        --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
        --dry-run           show the request a write would send, send nothing
        --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
        --fields <a,b.c>    only these fields of each item or record (dotted paths)
        --input-json <obj>  the command's arguments as one JSON object instead of flags
        --verbose           detail on stderr (AOS_VERBOSE=1)
        --version, --help

      Run "aos-widgets <command> --help" for a command's arguments and flags.
      "
    `);
  });

  it('a command\'s help: options with enum values, defaults and required marks, the mode, examples, docs', async () => {
    const result = await cli(['widget', 'create', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: aos-widgets widget create [flags]

      Create a widget

      Options:
        --name <name>       Widget name (required)
        --color <red|blue>  default: red
        --tags <tags>       Tags (repeatable)

      Mode: write (action: write, risk tier 2); run it with --mode write
      Dry run: --dry-run shows the request it would send and sends nothing
      Needs scopes: widgets:write

      Examples:
        aos-widgets --mode write widget create --name gizmo --color blue --tags a,b

      Docs: https://widgets.example/docs/api#create-widget

      Global flags (accepted anywhere):
        --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
        --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
        --dry-run           show the request a write would send, send nothing
        --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
        --fields <a,b.c>    only these fields of each item or record (dotted paths)
        --input-json <obj>  the command's arguments as one JSON object instead of flags
        --verbose           detail on stderr (AOS_VERBOSE=1)
        --version, --help
      "
    `);
  });

  it('a list command with a positional-free input and a command with a positional', async () => {
    expect((await cli(['widget', 'list', '--help'])).stdout).toMatchInlineSnapshot(`
      "Usage: aos-widgets widget list [flags]

      List widgets

      Options:
        --color <red|blue>  Only widgets of this color
        --limit <n>         Most items to return (pages are followed until this many) (default: 30)
        --cursor <cursor>   Resume from the next_cursor of an earlier call
        --all               Follow every page; the output is streamed

      Mode: readonly (action: read, risk tier 1)
      Lists: data.widgets with next_cursor and has_more; --all follows every page

      Global flags (accepted anywhere):
        --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
        --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
        --dry-run           show the request a write would send, send nothing
        --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
        --fields <a,b.c>    only these fields of each item or record (dotted paths)
        --input-json <obj>  the command's arguments as one JSON object instead of flags
        --verbose           detail on stderr (AOS_VERBOSE=1)
        --version, --help
      "
    `);
    expect((await cli(['widget', 'get', '--help'])).stdout).toMatchInlineSnapshot(`
      "Usage: aos-widgets widget get <id> [flags]

      Get one widget

      Arguments:
        id  Widget id

      Options:
        --id <n>  Widget id (or positional; required)

      Mode: readonly (action: read, risk tier 1)

      Global flags (accepted anywhere):
        --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
        --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
        --dry-run           show the request a write would send, send nothing
        --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
        --fields <a,b.c>    only these fields of each item or record (dotted paths)
        --input-json <obj>  the command's arguments as one JSON object instead of flags
        --verbose           detail on stderr (AOS_VERBOSE=1)
        --version, --help
      "
    `);
  });

  it('`help <command...>` is `<command...> --help`; `help` alone is the top-level help', async () => {
    expect((await cli(['help', 'widget', 'create'])).stdout).toBe((await cli(['widget', 'create', '--help'])).stdout);
    expect((await cli(['help', 'widget'])).stdout).toBe((await cli(['widget', '--help'])).stdout);
    expect((await cli(['help'])).stdout).toBe((await cli(['--help'])).stdout);
    expect((await cli(['help', 'health'])).stdout).toMatch(/^Usage: aos-widgets health \[flags\]/);
  });

  it('--json --help is one envelope with data.help', async () => {
    const result = await cli(['--json', 'help', 'widget', 'create']);
    expect(result.exitCode).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, data: { help: expect.stringContaining('--color <red|blue>') } });
  });

  it('has no escape codes without a TTY or with NO_COLOR', async () => {
    for (const argv of [['--help'], ['widget', 'create', '--help'], ['widgt'], ['widget', 'list', '--colr', 'red']]) {
      const plain = await cli(argv);
      const noColor = await cli(argv, { NO_COLOR: '1' });
      expect(plain.stdout + plain.stderr).not.toMatch(ESC);
      expect(noColor.stdout + noColor.stderr).not.toMatch(ESC);
    }
  });
});

/** Human mode: the error on one line and the hint on the next, no help text dumped before them. */
function oneLineError(stderr: string, message: string, hint: string) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(message);
  expect(lines[1]).toContain(hint);
}

describe('did you mean (one line and a hint naming the full command)', () => {
  it('a mistyped command', async () => {
    const result = await cli(['widgt', 'list']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    oneLineError(result.stderr, 'Unknown command "widgt"; did you mean "widget"?', 'Run "aos-widgets --help".');
    const json = (await cli(['--json', 'widgt', 'list'])).json();
    expect(json.error).toMatchObject({
      code: 'INVALID_USAGE',
      message: 'Unknown command "widgt"; did you mean "widget"?',
      details: { suggestion: 'widget' },
    });
  });

  it('a mistyped verb of a group', async () => {
    const result = await cli(['widget', 'lst']);
    expect(result.exitCode).toBe(2);
    oneLineError(result.stderr, 'Unknown "widget" command "lst"; did you mean "list"?', 'Run "aos-widgets widget --help".');
    expect((await cli(['--json', 'widget', 'bulk-recolr'])).json().error.message).toBe('Unknown "widget" command "bulk-recolr"; did you mean "bulk_recolor"?');
  });

  it('a mistyped option: the suggestion stays on the error\'s one line', async () => {
    const result = await cli(['widget', 'list', '--colr', 'red']);
    expect(result.exitCode).toBe(2);
    oneLineError(result.stderr, "unknown option '--colr'; did you mean --color?", '"aos-widgets widget list --help"');
    const json = (await cli(['--json', 'widget', 'list', '--colour=red'])).json();
    expect(json.error.message).toBe("unknown option '--colour'; did you mean --color?");
    // A global flag is a candidate too.
    expect((await cli(['--json', 'widget', 'list', '--jsn'])).json().error.message).toBe("unknown option '--jsn'; did you mean --json?");
  });

  it('a word far from every command gets the list, not a guess', async () => {
    const json = (await cli(['--json', 'gizmo'])).json();
    expect(json.error.message).toMatch(/^Unknown command "gizmo"; expected one of: /);
    expect(json.error.details.suggestion).toBeUndefined();
  });

  it('a missing verb is one line too (no group help dumped on stderr)', async () => {
    const result = await cli(['widget']);
    expect(result.exitCode).toBe(2);
    oneLineError(result.stderr, '"widget" needs a command: list, get, create, bulk_recolor, delete', 'Run "aos-widgets widget --help".');
  });
});

describe('completion', () => {
  it('bash: the command words, each command\'s flags and enum values', async () => {
    const result = await cli(['completion', 'bash']);
    expect(result.exitCode).toBe(0);
    const script = result.stdout;
    expect(script).toContain('complete -F _aos_widgets aos-widgets');
    expect(script).toContain('"") echo "widget debug capabilities health config doctor mcp help completion"');
    expect(script).toContain('"widget") echo "list get create bulk_recolor delete"');
    expect(script).toContain('"widget create") echo "--name --color --tags"');
    expect(script).toContain('"widget list --color") echo "red blue"');
    expect(script).toContain('"widget list") echo "--color --limit --cursor --all"');
    expect(script).toContain('*" --mode") echo "readonly write full admin"');
  });

  it('zsh and fish', async () => {
    const zsh = await cli(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef aos-widgets/);
    expect(zsh.stdout).toContain('"widget create") echo "--name --color --tags"');
    const fish = await cli(['completion', 'fish']);
    expect(fish.stdout).toContain("complete -c aos-widgets -f -a '(__aos_widgets_complete)'");
    expect(fish.stdout).toContain("case 'widget list --color'\n      printf '%s\\n' red blue");
  });

  it('an unknown or missing shell is INVALID_USAGE', async () => {
    const unknown = await cli(['--json', 'completion', 'tcsh']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.json().error).toMatchObject({ code: 'INVALID_USAGE', message: expect.stringContaining('Unknown shell "tcsh"') });
    expect((await cli(['--json', 'completion'])).json().error.code).toBe('INVALID_USAGE');
  });

  it('the bash script is valid bash and completes words, flags and values', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = (await cli(['completion', 'bash'])).stdout;
    const complete = (line: string) => {
      const words = line.split(' ');
      const program = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _aos_widgets; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync('bash', ['-c', program], { encoding: 'utf8' }).trim().split('\n');
    };
    expect(complete('aos-widgets wid')).toEqual(['widget']);
    expect(complete('aos-widgets --json widget cr')).toEqual(['create']);
    expect(complete('aos-widgets widget create --co')).toEqual(['--color']);
    expect(complete('aos-widgets widget create --color ')).toEqual(['red', 'blue']);
    expect(complete('aos-widgets help widget d')).toEqual(['delete']);
    expect(complete('aos-widgets --mode w')).toEqual(['write']);
  });
});

describe('hints of vendor failures name what to check', () => {
  it('404: what was looked up (method and path, no query)', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json({ message: 'Not Found' }, { status: 404 })));
    const result = await cli(['widget', 'get', '7']);
    expect(result.exitCode).toBe(6);
    oneLineError(result.stderr, 'GET /v1/widgets/7 was not found (HTTP 404)', 'Nothing at GET /v1/widgets/7: check the ids and names you gave');
  });

  it('401: the secret env var to check', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json({ message: 'Bad credentials' }, { status: 401 })));
    const result = await cli(['widget', 'get', '7']);
    expect(result.exitCode).toBe(4);
    oneLineError(result.stderr, 'refused (HTTP 401)', 'Check that WIDGETS_TOKEN is set to a valid, unexpired credential');
  });

  it('403: the secret and the scope the command declares', async () => {
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json({ message: 'Forbidden' }, { status: 403 })));
    const result = await cli(['--mode', 'write', 'widget', 'create', '--name', 'g'], { WIDGETS_TEAM: 't' });
    expect(result.exitCode).toBe(4);
    oneLineError(result.stderr, 'refused (HTTP 403)', 'Check that WIDGETS_TOKEN grants access to this resource and has the scope widgets:write.');
  });
});
