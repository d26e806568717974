import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** What a fake bin does for one command (`health`, `capabilities`). */
export type FakeOutput =
  | { json: unknown; exit?: number }
  | { text: string; exit?: number }
  | { hang: true }
  | { sleepMs: number; json: unknown };

export interface FakeBinSpec {
  /** Each spawn appends `<tool> <args> <pid>` here, so tests can count spawns. */
  log: string;
  tool: string;
  outputs: Record<string, FakeOutput>;
  /** health answers needs_setup unless this variable is set (checks env pass-through and the cache key). */
  requiresEnv?: string;
}

export const fixtureManifest = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('../../../testing/test/fixture/connector.json', import.meta.url), 'utf8'));

export function manifestFor(tool: string, tokenVar = 'WIDGETS_TOKEN'): Record<string, any> {
  const manifest = fixtureManifest();
  manifest.tool = tool;
  manifest.auth.service_keys = [tokenVar];
  return manifest;
}

export function envelope(tool: string, command: string, data: unknown): Record<string, unknown> {
  const meta = { mode: 'readonly', duration_ms: 1, timestamp: '2026-01-01T00:00:00Z', version: '1.0.0', evidence_id: 'ev_12345678' };
  return { ok: true, tool, command, data, meta };
}

export function healthEnvelope(tool: string, status: string, ready = status === 'healthy'): Record<string, unknown> {
  const ok = status === 'healthy';
  return envelope(tool, 'health', {
    status,
    ready,
    checks: [{ name: 'credentials', ok, detail: ok ? 'TOKEN from env' : 'TOKEN not set' }],
    next_steps: ok ? [] : ['Set TOKEN'],
  });
}

/** A node script (CommonJS: it also runs extensionless from PATH) that prints canned envelopes. */
export function fakeBinSource(spec: FakeBinSpec): string {
  return `#!/usr/bin/env node
const fs = require('node:fs');
const spec = ${JSON.stringify(spec)};
const args = process.argv.slice(2);
fs.appendFileSync(spec.log, spec.tool + ' ' + args.join(' ') + ' ' + process.pid + ' start ' + Date.now() +
  ' audit=' + process.env.AOS_AUDIT + ' timeout=' + process.env.AOS_TIMEOUT_MS + '\\n');
const done = () => fs.appendFileSync(spec.log, spec.tool + ' ' + args.join(' ') + ' ' + process.pid + ' end ' + Date.now() + '\\n');
const command = args.filter((arg) => arg !== '--json').join(' ');
let out = spec.outputs[command];
if (command === 'health' && spec.requiresEnv && !process.env[spec.requiresEnv]) {
  out = { json: { ok: true, tool: spec.tool, command: 'health', data: { status: 'needs_setup', ready: false,
    checks: [{ name: 'credentials', ok: false, detail: spec.requiresEnv + ' not set' }], next_steps: [] } } };
}
if (!out) {
  process.stdout.write(JSON.stringify({ ok: false, tool: spec.tool, command, error: { code: 'INVALID_USAGE', message: 'unknown command', details: {} } }));
  process.exitCode = 2;
} else if (out.hang) {
  setInterval(() => {}, 1000);
} else {
  const print = () => {
    process.stdout.write('json' in out ? JSON.stringify(out.json) : out.text);
    process.exitCode = out.exit || 0;
    done();
  };
  if (out.sleepMs) setTimeout(print, out.sleepMs); else print();
}
`;
}

export function writeExecutable(file: string, source: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  chmodSync(file, 0o755);
  return file;
}

export interface FakePackageOptions {
  /** Where the bin lives: `bin-dir` (bin/<tool>.js, no package.json bin), `package-bin`
   *  (package.json bin → dist/cli.js), `unbuilt` (package.json bin → a missing file), `none`. */
  layout?: 'bin-dir' | 'package-bin' | 'unbuilt' | 'none';
  manifest?: unknown;
  /** Raw connector.json text, for unparsable manifests. */
  manifestText?: string;
  bin?: Omit<FakeBinSpec, 'tool' | 'log'>;
  version?: string;
}

/** A connector package: connector.json, package.json and a bin that prints canned envelopes. */
export function fakePackage(dir: string, tool: string, log: string, options: FakePackageOptions = {}): string {
  const layout = options.layout ?? 'bin-dir';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'connector.json'), options.manifestText ?? JSON.stringify(options.manifest ?? manifestFor(tool), null, 2));
  const pkg: Record<string, unknown> = { name: tool, version: options.version ?? '1.0.0' };
  if (layout === 'package-bin' || layout === 'unbuilt') pkg.bin = { [tool]: './dist/cli.js' };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  const source = fakeBinSource({ log, tool, outputs: { health: { json: healthEnvelope(tool, 'healthy') } }, ...options.bin });
  if (layout === 'bin-dir') writeExecutable(join(dir, 'bin', `${tool}.js`), source);
  if (layout === 'package-bin') writeExecutable(join(dir, 'dist', 'cli.js'), source);
  return dir;
}

/** A bare `aos-*` executable in a PATH directory, with no package around it. */
export function fakePathExecutable(binDir: string, tool: string, log: string, outputs: Record<string, FakeOutput>): string {
  return writeExecutable(join(binDir, tool), fakeBinSource({ log, tool, outputs }));
}

export function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
}

export interface Sandbox {
  root: string;
  home: string;
  log: string;
  /** PATH entries given to discovery; node's own directory is appended so `#!/usr/bin/env node` works. */
  env(extra?: Record<string, string | undefined>, pathDirs?: string[]): Record<string, string | undefined>;
  /** Spawn log lines, optionally only those of one tool. */
  spawns(tool?: string): string[];
}

export function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'aos-discovery-'));
  const home = join(root, 'home');
  mkdirSync(home);
  const log = join(root, 'spawns.log');
  writeFileSync(log, '');
  return {
    root,
    home,
    log,
    env: (extra = {}, pathDirs = []) => ({
      HOME: home,
      PATH: [...pathDirs, dirname(process.execPath)].join(delimiter),
      AOS_AUDIT: 'off',
      ...extra,
    }),
    spawns: (tool) =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line.includes(' start ') && (!tool || line.startsWith(`${tool} `))),
  };
}
