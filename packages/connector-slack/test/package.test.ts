import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesSchema, envelopeSchema, healthSchema } from '@aos-connectors/core';

/**
 * The published artifact, not the workspace: both packages packed with `npm pack`, installed
 * from their tarballs into an empty prefix (dependencies from the npm cache), and the
 * installed bin run as an agent host would run it.
 */
const pkg = fileURLToPath(new URL('..', import.meta.url));
const core = fileURLToPath(new URL('../../core/', import.meta.url));
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'aos-slack-pack-'));
const prefix = join(work, 'prefix');
const bin = join(prefix, 'node_modules', '.bin', 'aos-slack');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Other installs may share this machine's npm cache; take the same lock they do when there is one. */
const locked = (args: string[]) => (spawnSync('flock', ['--version']).status === 0 ? ['flock', ['/tmp/npm.lock', 'npm', ...args]] as const : ['npm', args] as const);

function run(...argv: string[]) {
  const result = spawnSync(process.execPath, [bin, ...argv], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, AOS_AUDIT_DIR: join(work, 'audit') },
  });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

beforeAll(() => {
  // Build what the tarballs ship when it is missing (the nx test target builds it first anyway).
  if (!existsSync(join(core, 'dist', 'fast', 'bundle.js'))) npm(['run', 'build'], core);
  execFileSync(process.execPath, [join(pkg, '../../node_modules/typescript/bin/tsc'), '--build', 'tsconfig.lib.json'], { cwd: pkg });
  const tarballs = [core, pkg].map((dir) => join(work, npm(['pack', '--silent', '--pack-destination', work], dir).trim().split('\n').at(-1)!));
  const [command, args] = locked(['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-save', ...tarballs]);
  execFileSync(command, [...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed aos-slack, installed from its tarball', () => {
  it('ships only what it needs', () => {
    const installed = join(prefix, 'node_modules', 'aos-slack');
    for (const file of ['bin/aos-slack.js', 'dist/connector.js', 'connector.json', 'permissions.json', 'README.md']) expect(existsSync(join(installed, file)), file).toBe(true);
    for (const file of ['src', 'test', 'dist/tsconfig.lib.tsbuildinfo']) expect(existsSync(join(installed, file)), file).toBe(false);
  });

  it('--version prints the package version', () => {
    const plain = run('--version');
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout.trim()).toBe(version);
    const json = run('--version', '--json');
    expect(envelopeSchema.parse(json.json())).toMatchObject({ ok: true, tool: 'aos-slack', data: { version } });
  });

  it('--json capabilities describes all 7 commands, the gateway included', () => {
    const result = run('--json', 'capabilities');
    expect(result.exitCode).toBe(0);
    const envelope = envelopeSchema.parse(result.json());
    const capabilities = capabilitiesSchema.parse(envelope.ok ? envelope.data : null);
    expect(capabilities).toMatchObject({ tool: 'aos-slack', version });
    expect(capabilities.commands).toHaveLength(7);
    expect(capabilities.commands.find((c) => c.id === 'gateway')).toMatchObject({ required_mode: 'write', path: ['gateway'] });
  });

  it('--json health without a token is needs_setup (exit 0), through the full CLI', () => {
    const result = run('--json', 'health');
    expect(result.exitCode, result.stderr).toBe(0);
    const envelope = envelopeSchema.parse(result.json());
    expect(healthSchema.parse(envelope.ok ? envelope.data : null)).toMatchObject({ status: 'needs_setup', ready: false });
  });

  it('a write in readonly mode is refused by the installed bin (exit 3)', () => {
    const result = run('--json', 'message', 'send', 'C012AB3CD', '--text', 'x');
    expect(result.exitCode).toBe(3);
    expect(result.json()).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});
