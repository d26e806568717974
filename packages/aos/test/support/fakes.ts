import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The core's test connector manifest (aos-widgets): read, write, bulk and destructive commands. */
const fixture = JSON.parse(readFileSync(new URL('../../../testing/test/fixture/connector.json', import.meta.url), 'utf8'));

/**
 * A connector bin in plain CommonJS that answers like a real one without a network: `health`
 * is healthy unless `needs` names an unset variable; every other command echoes its argv and
 * the mode it was given, `crash` exits 1 printing nothing, `fail` answers NOT_FOUND with exit 6.
 * Each start is logged, so tests can count spawns and read the argv a connector saw.
 */
function binSource(tool: string, log: string, needs: string | undefined): string {
  return `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, args, aos_mode: process.env.AOS_MODE ?? null }) + '\\n');
const flag = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const mode = flag('--mode') ?? process.env.AOS_MODE ?? 'readonly';
const words = args.filter((arg, i) => !arg.startsWith('--') && !['--mode', '--timeout-ms'].includes(args[i - 1]));
const command = words.slice(0, 2).join('.');
const meta = { mode, duration_ms: 1, timestamp: '2026-01-01T00:00:00Z', version: '1.0.0', evidence_id: 'ev_fake0001' };
const print = (envelope, code) => { process.stdout.write(JSON.stringify(envelope) + '\\n'); process.exitCode = code; };
const needs = ${JSON.stringify(needs ?? null)};
if (command === 'health') {
  const ok = !needs || !!process.env[needs];
  print({ ok: true, tool: ${JSON.stringify(tool)}, command: 'health', meta, data: { status: ok ? 'healthy' : 'needs_setup', ready: ok,
    checks: [{ name: 'credentials', ok, detail: ok ? 'set' : needs + ' not set' }], next_steps: ok ? [] : ['Set ' + needs] } }, 0);
} else if (command === 'debug.crash') {
  process.stderr.write('TypeError: boom\\n');
  process.exitCode = 1;
} else if (command === 'widget.get' && words[2] === '404') {
  print({ ok: false, tool: ${JSON.stringify(tool)}, command, meta, error: { code: 'NOT_FOUND', message: 'no widget 404', details: {} } }, 6);
} else {
  print({ ok: true, tool: ${JSON.stringify(tool)}, command, meta, data: { argv: args, timeout: flag('--timeout-ms') ?? null } }, 0);
}
`;
}

export interface FakeOptions {
  /** Health answers needs_setup while this variable is unset. */
  needs?: string;
  /** No bin at all: the connector is `repo-only`. */
  noBin?: boolean;
}

export interface Fakes {
  root: string;
  /** The ARGENT_CONNECTOR_REPOS directory. */
  repos: string;
  home: string;
  add(tool: string, options?: FakeOptions): void;
  /** A clean environment: fake repos, a fresh HOME, no audit, node on PATH and nothing else. */
  env(extra?: Record<string, string>): Record<string, string | undefined>;
  /** What each connector start saw: tool, argv and AOS_MODE. */
  calls(tool?: string): { tool: string; args: string[]; aos_mode: string | null }[];
}

export function fakes(): Fakes {
  const root = mkdtempSync(join(tmpdir(), 'aos-host-'));
  const repos = join(root, 'connectors');
  const home = join(root, 'home');
  const log = join(root, 'calls.jsonl');
  mkdirSync(home, { recursive: true });
  writeFileSync(log, '');
  return {
    root,
    repos,
    home,
    add(tool, options = {}) {
      const dir = join(repos, tool);
      mkdirSync(join(dir, 'bin'), { recursive: true });
      writeFileSync(join(dir, 'connector.json'), JSON.stringify({ ...fixture, tool, connector: { ...fixture.connector, label: tool.slice(4) } }, null, 2));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: tool, version: '1.0.0' }));
      if (options.noBin) return;
      const bin = join(dir, 'bin', `${tool}.js`);
      writeFileSync(bin, binSource(tool, log, options.needs));
      chmodSync(bin, 0o755);
    },
    env: (extra = {}) => ({
      HOME: home,
      PATH: dirname(process.execPath),
      ARGENT_CONNECTOR_REPOS: repos,
      AOS_AUDIT: 'off',
      // npm's global packages are a discovery source: point it at nothing.
      npm_config_prefix: join(root, 'npm-prefix'),
      ...extra,
    }),
    calls: (tool) =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((call) => !tool || call.tool === tool),
  };
}

export const pathOf = (...dirs: string[]) => dirs.join(delimiter);
