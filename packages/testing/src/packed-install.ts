import { execFile, execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export interface Footprint {
  /** Packages installed beside the connector (its runtime dependencies, transitively). */
  packages: string[];
  /** Bytes on disk of those packages. */
  extraBytes: number;
  /** Bytes on disk of the connector's own package. */
  connectorBytes: number;
}

export interface PackedInstall {
  /** The empty prefix the tarball was installed into. */
  prefix: string;
  /** The installed connector package directory. */
  installed: string;
  version: string;
  /** The tarball's file list, as `npm pack` reported it. */
  files: string[];
  /** What the install added to an empty prefix. */
  footprint(): Footprint;
  /** Runs the installed bin as an agent host would (async: a test server may live in this process). */
  run(argv: string[], env?: Record<string, string>): Promise<{ exitCode: number; stdout: string; stderr: string; json(): any }>;
  /** Spawns the installed bin with stdio pipes (for `mcp`). */
  spawn(argv: string[], env?: Record<string, string>): ChildProcessWithoutNullStreams;
  cleanup(): void;
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Installs on one machine share npm's cache; take the lock other workspace installs take, when flock exists. */
const locked = (args: string[]): [string, string[]] =>
  spawnSync('flock', ['--version']).status === 0 ? ['flock', ['/tmp/npm.lock', 'npm', ...args]] : ['npm', args];

function diskBytes(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), 0);
}

/** Every package directory under a node_modules folder (scoped ones included), nested ones too. */
function packagesIn(modules: string): string[] {
  if (!existsSync(modules)) return [];
  return readdirSync(modules).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const dir = join(modules, name);
    if (name.startsWith('@')) return readdirSync(dir).flatMap((inner) => [join(dir, inner), ...packagesIn(join(dir, inner, 'node_modules'))]);
    return [dir, ...packagesIn(join(dir, 'node_modules'))];
  });
}

/**
 * The published artifact, not the workspace: the connector packed with `npm pack` and installed
 * from its tarball alone into an empty prefix, as `npm i aos-x` would, ready to run the
 * installed bin. A connector publishes a bundle, so the install needs nothing else; what it
 * does pull in is reported by `footprint()`. The package must be built (its test target builds first).
 */
export function installPacked(connectorDir: string): PackedInstall {
  const pkg = resolve(connectorDir);
  const { name, version, bin } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
  for (const built of ['dist/main.js', 'dist/cli.js', 'dist/definition.js']) {
    if (!existsSync(join(pkg, built))) throw new Error(`${pkg} is not built (missing ${built}); build it before packing`);
  }
  const work = mkdtempSync(join(tmpdir(), `${name}-pack-`));
  const prefix = join(work, 'prefix');
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], pkg)) as { filename: string; files: { path: string }[] }[];
  const tarball = join(work, packed[0]!.filename);
  const [command, args] = locked(['install', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--no-save', tarball]);
  execFileSync(command, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  const binPath = join(prefix, 'node_modules', '.bin', Object.keys(bin)[0]!);
  const installed = join(prefix, 'node_modules', name);
  const envOf = (env: Record<string, string>) => ({ PATH: process.env.PATH, HOME: work, AOS_AUDIT_DIR: join(work, 'audit'), ...env });

  return {
    prefix,
    installed,
    version,
    files: packed[0]!.files.map((file) => file.path),
    footprint() {
      const packages = packagesIn(join(prefix, 'node_modules')).filter((dir) => dir !== installed);
      return {
        packages: packages.map((dir) => relative(join(prefix, 'node_modules'), dir)),
        extraBytes: packages.reduce((sum, dir) => sum + diskBytes(dir), 0),
        connectorBytes: diskBytes(installed),
      };
    },
    run: (argv, env = {}) =>
      new Promise((done) => {
        execFile(process.execPath, [binPath, ...argv], { encoding: 'utf8', env: envOf(env) }, (error, stdout, stderr) => {
          const exitCode = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
          done({ exitCode, stdout, stderr, json: () => JSON.parse(stdout) });
        });
      }),
    spawn: (argv, env = {}) => spawn(process.execPath, [binPath, ...argv], { env: envOf(env), stdio: 'pipe' }),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
