import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PackedInstall {
  /** The empty prefix the tarballs were installed into. */
  prefix: string;
  /** The installed connector package directory. */
  installed: string;
  version: string;
  /** Runs the installed bin as an agent host would (async: a test server may live in this process). */
  run(argv: string[], env?: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string; json(): any }>;
  cleanup(): void;
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Installs on one machine share npm's cache; take the lock other workspace installs take, when flock exists. */
const locked = (args: string[]): [string, string[]] =>
  spawnSync('flock', ['--version']).status === 0 ? ['flock', ['/tmp/npm.lock', 'npm', ...args]] : ['npm', args];

/**
 * The published artifact, not the workspace: the core and a connector packed with `npm pack`,
 * installed from their tarballs into an empty prefix (dependencies from the npm cache), ready
 * to run the installed bin. Both packages must be built (their test targets build first).
 */
export function installPacked(connectorDir: string, options: { coreDir?: string } = {}): PackedInstall {
  const pkg = resolve(connectorDir);
  const core = resolve(options.coreDir ?? join(pkg, '..', 'core'));
  const { name, version, bin } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
  for (const [dir, built] of [[core, 'dist/fast/bundle.js'], [pkg, 'dist/connector.js']] as const) {
    if (!existsSync(join(dir, built))) throw new Error(`${dir} is not built (missing ${built}); build it before packing`);
  }
  const work = mkdtempSync(join(tmpdir(), `${name}-pack-`));
  const prefix = join(work, 'prefix');
  const tarballs = [core, pkg].map((dir) => join(work, npm(['pack', '--silent', '--pack-destination', work], dir).trim().split('\n').at(-1)!));
  const [command, args] = locked(['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-save', ...tarballs]);
  execFileSync(command, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  const binPath = join(prefix, 'node_modules', '.bin', Object.keys(bin)[0]!);

  return {
    prefix,
    installed: join(prefix, 'node_modules', name),
    version,
    run: (argv, env = {}) =>
      new Promise((done) => {
        const options = { encoding: 'utf8' as const, env: { PATH: process.env.PATH, HOME: work, AOS_AUDIT_DIR: join(work, 'audit'), ...env } };
        execFile(process.execPath, [binPath, ...argv], options, (error, stdout, stderr) => {
          const exitCode = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
          done({ exitCode, stdout, stderr, json: () => JSON.parse(stdout) });
        });
      }),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
