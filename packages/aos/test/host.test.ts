import { describe, expect, it } from 'vitest';
import { envelopeSchema } from '@aos-connectors/core';
import { fakes } from './support/fakes.js';
import { aos } from './support/run.js';

const world = fakes();
world.add('aos-alpha');
world.add('aos-beta', { needs: 'BETA_TOKEN' });
world.add('aos-gamma', { noBin: true });
const env = world.env();

describe('aos itself follows the envelope contract', () => {
  it('--version and --help', async () => {
    const version = await aos(['--version', '--json'], env);
    expect(version.exitCode).toBe(0);
    expect(envelopeSchema.parse(version.json())).toMatchObject({ ok: true, tool: 'aos', command: 'version', data: { tool: 'aos', version: '0.1.0' } });
    const help = await aos(['--help'], env);
    expect(help.stdout).toMatch(/^Usage: aos <command>/);
    expect((await aos(['list', '--help'], env)).stdout).toMatch(/^Usage: aos list/);
  });

  it.each([
    [[], /aos needs a command/],
    [['bogus'], /Unknown command "bogus"/],
    [['list', '--mode', 'root'], /--mode must be one of/],
    [['list', '--bogus'], /Unknown option '--bogus'/],
    [['list', '--probe', '--concurrency', '0'], /--concurrency must be a positive whole number/],
    [['info'], /info needs exactly one connector name/],
    [['run'], /run needs a connector and a command/],
  ])('%j is INVALID_USAGE, exit 2, one envelope', async (argv, message) => {
    const result = await aos(['--json', ...argv], env);
    expect(result.exitCode).toBe(2);
    expect(envelopeSchema.parse(result.json())).toMatchObject({ ok: false, tool: 'aos', error: { code: 'INVALID_USAGE' } });
    expect(result.json().error.message).toMatch(message);
  });

  it('writes errors for people on stderr with a hint', async () => {
    const result = await aos(['info', 'nope'], env);
    expect(result.exitCode).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/No connector named "aos-nope" was found \[NOT_FOUND\]\nhint: Run "aos list"/);
  });
});

describe('aos list', () => {
  it('builds the catalog from manifests without starting any connector', async () => {
    const before = world.calls().length;
    const result = await aos(['--json', 'list'], env);
    expect(result.exitCode).toBe(0);
    const envelope = envelopeSchema.parse(result.json());
    expect(envelope).toMatchObject({ ok: true, command: 'list', data: { next_cursor: null, has_more: false } });
    const rows = (envelope as any).data.connectors;
    expect(rows.map((row: any) => [row.tool, row.install_state, row.source, row.commands])).toEqual([
      ['aos-alpha', 'needs-setup', 'connector-repos', 7],
      ['aos-beta', 'needs-setup', 'connector-repos', 7],
      ['aos-gamma', 'repo-only', 'connector-repos', 7],
    ]);
    expect(rows[0]).toMatchObject({ label: 'alpha', category: 'testing', version: '1.0.0' });
    expect(world.calls().length).toBe(before);
  });

  it('prints a table for people', async () => {
    const { stdout } = await aos(['list'], env);
    expect(stdout.split('\n')[0]).toMatch(/^TOOL\s+INSTALL STATE\s+VERSION\s+COMMANDS\s+SOURCE$/);
    expect(stdout).toMatch(/aos-gamma\s+repo-only\s+1\.0\.0\s+7\s+connector-repos/);
  });

  it('--probe asks each runnable connector for its health, and caches the answers', async () => {
    const before = world.calls().length;
    const probed = await aos(['--json', 'list', '--probe'], env);
    const states = Object.fromEntries(probed.json().data.connectors.map((row: any) => [row.tool, [row.install_state, row.status ?? null]]));
    expect(states).toEqual({ 'aos-alpha': ['ready', 'healthy'], 'aos-beta': ['needs-setup', 'needs_setup'], 'aos-gamma': ['repo-only', null] });
    expect(probed.json().data.connectors[1].reason).toBe('credentials: BETA_TOKEN not set');
    expect(world.calls().length).toBe(before + 2);
    const again = await aos(['--json', 'list', '--probe'], env);
    expect(again.json().data.connectors[0]).toMatchObject({ install_state: 'ready', from_cache: true });
    expect(world.calls().length).toBe(before + 2);
  });
});

describe('aos info', () => {
  it('describes one connector and its commands, by short or full name', async () => {
    for (const name of ['alpha', 'aos-alpha']) {
      const result = await aos(['--json', 'info', name], env);
      expect(result.exitCode).toBe(0);
      const data = result.json().data;
      expect(data).toMatchObject({ tool: 'aos-alpha', install_state: 'needs-setup', backend: 'widgets-api', auth: { service_keys: ['WIDGETS_TOKEN'] } });
      expect(data.commands).toContainEqual({ id: 'widget.delete', summary: 'Delete a widget', required_mode: 'admin', action_class: 'destructive', risk_tier: 4 });
    }
  });

  it('--probe adds the health', async () => {
    const data = (await aos(['--json', 'info', 'beta', '--probe', '--refresh'], env)).json().data;
    expect(data).toMatchObject({ install_state: 'needs-setup', health: { status: 'needs_setup', next_steps: ['Set BETA_TOKEN'] } });
  });

  it('a missing tool is NOT_FOUND, exit 6', async () => {
    const result = await aos(['--json', 'info', 'nope'], env);
    expect(result.exitCode).toBe(6);
    expect(result.json()).toMatchObject({ ok: false, command: 'info', error: { code: 'NOT_FOUND', details: { tool: 'aos-nope' } } });
  });
});

describe('aos health', () => {
  it('probes every connector found, exit 0 once each state is known', async () => {
    const result = await aos(['--json', 'health', '--refresh'], world.env({ BETA_TOKEN: 'set' }));
    expect(result.exitCode).toBe(0);
    expect(result.json().data.counts).toEqual({ ready: 2, 'repo-only': 1 });
  });

  it('probes only the named connectors; an unknown name is NOT_FOUND', async () => {
    const before = world.calls().length;
    const named = await aos(['--json', 'health', 'beta', '--refresh'], env);
    expect(named.json().data.connectors.map((row: any) => [row.tool, row.status])).toEqual([['aos-beta', 'needs_setup']]);
    expect(world.calls().slice(before).map((call) => call.tool)).toEqual(['aos-beta']);
    const missing = await aos(['--json', 'health', 'beta', 'nope'], env);
    expect(missing.exitCode).toBe(6);
  });

  it('prints a table for people', async () => {
    const { stdout, exitCode } = await aos(['health', 'alpha'], env);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^TOOL\s+INSTALL STATE\s+STATUS\s+REASON\n(aos-alpha\s+ready\s+healthy)$/m);
  });
});

describe('aos mcp', () => {
  it('a missing tool is NOT_FOUND before any server starts', async () => {
    const result = await aos(['--json', 'mcp', 'nope'], env);
    expect(result.exitCode).toBe(6);
    expect(result.json()).toMatchObject({ ok: false, command: 'mcp', error: { code: 'NOT_FOUND' } });
  });
});

describe('aos run', () => {
  const lastArgs = (tool: string) => world.calls(tool).at(-1)!;

  it("passes the caller's mode (default readonly), never the command's, and relays the envelope", async () => {
    const result = await aos(['run', 'alpha', 'widget', 'create', '--name=x', '--json'], env);
    expect(result.exitCode).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, tool: 'aos-alpha', command: 'widget.create', meta: { mode: 'readonly' } });
    expect(lastArgs('aos-alpha').args).toEqual(['--mode', 'readonly', '--json', 'widget', 'create', '--name=x']);
  });

  it('passes --mode, --timeout-ms and the other global flags from anywhere in argv', async () => {
    await aos(['--mode', 'write', 'run', 'alpha', 'widget', 'create', '--timeout-ms', '1500', '--dry-run', '--json', '--approve', 'widget.create'], env);
    expect(lastArgs('aos-alpha').args).toEqual(['--mode', 'write', '--json', '--timeout-ms', '1500', '--dry-run', '--approve', 'widget.create', 'widget', 'create']);
  });

  it('takes the mode and deadline from AOS_MODE and AOS_TIMEOUT_MS too', async () => {
    const result = await aos(['run', 'alpha', 'widget', 'list', '--json'], world.env({ AOS_MODE: 'full', AOS_TIMEOUT_MS: '900' }));
    expect(result.json().data).toMatchObject({ timeout: '900' });
    expect(lastArgs('aos-alpha').args.slice(0, 2)).toEqual(['--mode', 'full']);
  });

  it("relays the connector's error envelope and exit code unchanged", async () => {
    const result = await aos(['run', 'alpha', '--json', 'widget', 'get', '404'], env);
    expect(result.exitCode).toBe(6);
    expect(result.json()).toMatchObject({ ok: false, tool: 'aos-alpha', error: { code: 'NOT_FOUND', message: 'no widget 404' } });
  });

  it('a missing tool is NOT_FOUND (exit 6); one without a bin is CONFIG_ERROR (exit 4)', async () => {
    const missing = await aos(['--json', 'run', 'nope', 'widget', 'list'], env);
    expect(missing.exitCode).toBe(6);
    expect(missing.json()).toMatchObject({ ok: false, tool: 'aos', command: 'run', error: { code: 'NOT_FOUND' } });
    const unbuilt = await aos(['--json', 'run', 'gamma', 'widget', 'list'], env);
    expect(unbuilt.exitCode).toBe(4);
    expect(unbuilt.json().error).toMatchObject({ code: 'CONFIG_ERROR', details: { install_state: 'repo-only' } });
  });

  it('reports a connector that dies without an envelope as INTERNAL_ERROR, exit 10', async () => {
    const result = await aos(['--json', 'run', 'alpha', 'debug', 'crash'], env);
    expect(result.exitCode).toBe(10);
    expect(result.json()).toMatchObject({ ok: false, tool: 'aos', error: { code: 'INTERNAL_ERROR', details: { tool: 'aos-alpha', exit_code: 1 } } });
    expect(result.stderr).toContain('TypeError: boom');
  });

  it('without --json, relays output and exit code as they are', async () => {
    const result = await aos(['run', 'alpha', 'debug', 'crash'], env);
    expect(result).toMatchObject({ exitCode: 1, stdout: '' });
  });

  it('hands --help and --version to the connector', async () => {
    await aos(['run', 'alpha', '--version'], env);
    expect(lastArgs('aos-alpha').args).toEqual(['--mode', 'readonly', '--version']);
  });
});
