import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesSchema, envelopeSchema } from '@aos-connectors/core';
import { startLocalServer, type LocalServer } from './local-server.js';
import { fixture, withPolicy } from './support.js';

/**
 * The published artifact: core and aos-rss packed with `npm pack`, installed from the tarballs
 * into an empty prefix (dependencies from the npm cache), and the installed bin run as a host
 * would run it. It proves the shipped files and the XML stack (fast-xml-parser, entities)
 * resolve outside the workspace.
 */
const pkg = fileURLToPath(new URL('..', import.meta.url));
const core = fileURLToPath(new URL('../../core/', import.meta.url));
const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'aos-rss-pack-'));
const prefix = join(work, 'prefix');
const bin = join(prefix, 'node_modules', '.bin', 'aos-rss');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Other installs may share this machine's npm cache; take the same lock they do when there is one. */
const locked = (args: string[]) => (spawnSync('flock', ['--version']).status === 0 ? ['flock', ['/tmp/npm.lock', 'npm', ...args]] as const : ['npm', args] as const);
let server: LocalServer;

/** Runs the installed bin without blocking the event loop (the page server lives in this process). */
function run(argv: string[], env: Record<string, string> = {}) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string; json(): any }>((resolve) => {
    const options = { encoding: 'utf8' as const, env: { PATH: process.env.PATH, HOME: work, AOS_AUDIT_DIR: join(work, 'audit'), ...env } };
    execFile(process.execPath, [bin, ...argv], options, (error, stdout, stderr) => {
      const exitCode = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      resolve({ exitCode, stdout, stderr, json: () => JSON.parse(stdout) });
    });
  });
}

beforeAll(async () => {
  server = await startLocalServer((_, response) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(fixture('atom.xml')));
  if (!existsSync(join(core, 'dist', 'fast', 'bundle.js'))) npm(['run', 'build'], core);
  execFileSync(process.execPath, [join(pkg, '../../node_modules/typescript/bin/tsc'), '--build', 'tsconfig.lib.json'], { cwd: pkg });
  const tarballs = [core, pkg].map((dir) => join(work, npm(['pack', '--silent', '--pack-destination', work], dir).trim().split('\n').at(-1)!));
  const [command, args] = locked(['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-save', ...tarballs]);
  execFileSync(command, [...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed aos-rss, installed from its tarball', () => {
  it('ships only what it needs', () => {
    const installed = join(prefix, 'node_modules', 'aos-rss');
    for (const file of ['bin/aos-rss.js', 'dist/connector.js', 'connector.json', 'permissions.json', 'README.md']) expect(existsSync(join(installed, file)), file).toBe(true);
    for (const file of ['src', 'test', 'dist/tsconfig.lib.tsbuildinfo']) expect(existsSync(join(installed, file)), file).toBe(false);
  });

  it('--json capabilities describes feed.read at the package version', async () => {
    const result = await run(['--json', 'capabilities']);
    const envelope = envelopeSchema.parse(result.json());
    const capabilities = capabilitiesSchema.parse(envelope.ok ? envelope.data : null);
    expect(capabilities).toMatchObject({ tool: 'aos-rss', version });
    expect(capabilities.commands.map((c) => c.id)).toEqual(['feed.read']);
  });

  it('feed read parses a feed with the installed XML stack, once the policy allows loopback', async () => {
    const refused = await run(['--json', 'feed', 'read', `${server.url}/`]);
    expect(refused.exitCode).toBe(3);
    const policy = withPolicy({ allow_private_network: true }) as Record<string, string>;
    const result = await run(['--json', 'feed', 'read', `${server.url}/`, '--limit', '1'], policy);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.json().data).toMatchObject({ feed: { format: 'atom1', title: 'dive into mark' }, items: [{ id: 'tag:example.org,2003:3.2397' }], has_more: true });
  });
});
