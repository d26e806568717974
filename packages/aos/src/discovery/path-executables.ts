import { access, readdir, realpath, stat } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { readConnectorPackage, type Candidate } from './read-package.js';
import type { Env } from './types.js';

const TOOL_NAME = /^aos-[a-z0-9][a-z0-9-]*$/;
/** bin/aos-x.js, dist/bin/aos-x.js, dist/src/bin/aos-x.js: a package root is at most this far up. */
const MAX_PACKAGE_DEPTH = 4;

async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The tool name an executable provides, or undefined. Windows names carry a PATHEXT extension. */
function toolOfFile(name: string, env: Env, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return TOOL_NAME.test(name) ? name : undefined;
  const extensions = (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').toLowerCase().split(';');
  const dot = name.lastIndexOf('.');
  if (dot < 0 || !extensions.includes(name.slice(dot).toLowerCase())) return undefined;
  const tool = name.slice(0, dot).toLowerCase();
  return TOOL_NAME.test(tool) ? tool : undefined;
}

type Owner = { kind: 'connector'; dir: string } | { kind: 'other-package' } | { kind: 'none' };

/** The package an executable belongs to: the first ancestor with connector.json or package.json. */
async function ownerOf(file: string): Promise<Owner> {
  let dir = dirname(file);
  for (let depth = 0; depth < MAX_PACKAGE_DEPTH; depth++) {
    const [manifest, pkg] = await Promise.all([fileExists(join(dir, 'connector.json')), fileExists(join(dir, 'package.json'))]);
    if (manifest) return { kind: 'connector', dir };
    if (pkg) return { kind: 'other-package' };
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  return { kind: 'none' };
}

async function candidateOf(file: string, tool: string, platform: NodeJS.Platform): Promise<Candidate | undefined> {
  let info;
  let real;
  try {
    [info, real] = await Promise.all([stat(file), realpath(file)]);
  } catch {
    return undefined; // a dangling symlink
  }
  if (!info.isFile() || (platform !== 'win32' && (info.mode & 0o111) === 0)) return undefined;
  const owner = await ownerOf(real);
  // Another package's bin that happens to start with aos- (the core's own `aos-connector`).
  if (owner.kind === 'other-package') return undefined;
  if (owner.kind === 'connector') {
    const pkg = await readConnectorPackage(owner.dir, 'path');
    // The executable is what `aos-x` runs; run its resolved file (no symlink, no /usr/bin/env).
    if (pkg) return { ...pkg, tool: pkg.manifest?.tool ?? tool, binPath: real, binMtimeMs: info.mtimeMs };
  }
  return {
    tool,
    source: 'path',
    dir: null,
    version: null,
    manifest: null,
    manifestPath: null,
    binPath: resolve(file),
    binMtimeMs: info.mtimeMs,
  };
}

/**
 * `aos-*` executables on PATH, in PATH order (the first of a name is what a shell runs; later
 * ones come after it and end up shadowed). Relative PATH entries (`.`) are skipped: what the
 * catalog lists must not depend on the caller's working directory. Only directory listings
 * and stats: nothing is run.
 */
export async function scanPath(
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<{ searched: { dir: string; exists: boolean }[]; candidates: Candidate[] }> {
  const dirs = [...new Set((env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => isAbsolute(dir)))];
  const perDir = await Promise.all(
    dirs.map(async (dir) => {
      let names: string[];
      try {
        names = (await readdir(dir)).sort();
      } catch {
        return { dir, exists: false, candidates: [] };
      }
      const found = await Promise.all(
        names.map((name) => {
          const tool = toolOfFile(name, env, platform);
          return tool ? candidateOf(join(dir, name), tool, platform) : undefined;
        }),
      );
      return { dir, exists: true, candidates: found.filter((c): c is Candidate => c !== undefined) };
    }),
  );
  return {
    searched: perDir.map(({ dir, exists }) => ({ dir, exists })),
    candidates: perDir.flatMap((result) => result.candidates),
  };
}
