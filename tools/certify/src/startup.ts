import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * What `--json capabilities` loads, not how long it takes: a wall-clock budget fails sound
 * connectors on a busy machine (timing is `npm run bench`'s job, bench/startup.mjs). What the
 * fast path loads is deterministic and is what makes it fast: the bin shim, the bundled
 * dist/main.js, Node built-ins, and none of the libraries only the full CLI needs.
 */
export interface StartupTrace {
  /** The run's exit code and stdout, to tell a broken run from a heavy one. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Every file (not `node:` built-in) the process loaded, in load order, as absolute paths. */
  files: string[];
  /** Sum of their sizes. */
  bytes: number;
  /** Heavy libraries loaded, directly (node_modules/<lib>/) or bundled into a loaded file. */
  heavy: string[];
  /** The trace could not be taken (a Node without module hooks). */
  problem?: string;
}

/** Libraries the full CLI needs and the fast path must not load (CONTRACT §1: start-up). */
export const HEAVY_LIBRARIES = ['commander', 'zod', 'ky', 'undici'] as const;
/** Files loaded from anywhere but Node itself: the bin shim, dist/main.js and a few shared chunks. */
export const FAST_PATH_MAX_FILES = 8;

/**
 * Preloaded with `--import`: records the URL of every module the process loads, CommonJS
 * included, through synchronous module hooks (Node ≥ 22.15), else the off-thread ones.
 */
const TRACER = `import module from 'node:module';
import { appendFileSync } from 'node:fs';
const out = process.env.AOS_CERTIFY_TRACE;
const record = (url) => { if (out && url.startsWith('file:')) appendFileSync(out, url + '\\n'); };
if (typeof module.registerHooks === 'function') {
  module.registerHooks({ load(url, context, next) { record(url); return next(url, context); } });
} else if (typeof module.register === 'function') {
  module.register('data:text/javascript,' + encodeURIComponent(
    "import { appendFileSync } from 'node:fs';" +
    "export async function load(url, context, next) {" +
    "  const out = process.env.AOS_CERTIFY_TRACE;" +
    "  if (out && url.startsWith('file:')) appendFileSync(out, url + '\\\\n');" +
    "  return next(url, context);" +
    "}"));
} else {
  appendFileSync(out, 'unsupported:\\n');
}
`;

const libraryPattern = new RegExp(`(^|[\\\\/])node_modules[\\\\/](${HEAVY_LIBRARIES.join('|')})[\\\\/]`);
/** esbuild keeps `// ../../node_modules/zod/v4/core/core.js` above each bundled module (unminified). */
const bundledPattern = new RegExp(`^// .*node_modules/(${HEAVY_LIBRARIES.join('|')})/`, 'gm');

function heavyIn(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const direct = libraryPattern.exec(file);
    if (direct) {
      found.add(direct[2]!);
      continue;
    }
    if (!/\.[cm]?js$/.test(file) || !existsSync(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(bundledPattern)) found.add(`${match[1]!} (bundled in ${file})`);
  }
  return [...found];
}

/** Runs `node --import <tracer> <bin> --json capabilities` once, in a clean environment. */
export function traceStartup(bin: string, scratch: string): StartupTrace {
  const dir = mkdtempSync(join(scratch, 'startup-'));
  const tracer = join(dir, 'tracer.mjs');
  const trace = join(dir, 'trace.txt');
  writeFileSync(tracer, TRACER);
  writeFileSync(trace, '');
  const env = { PATH: process.env.PATH ?? '', HOME: dir, AOS_AUDIT_DIR: join(dir, 'audit'), NO_COLOR: '1', AOS_CERTIFY_TRACE: trace };
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(tracer).href, bin, '--json', 'capabilities'], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const base = { exitCode: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  if (lines.includes('unsupported:')) return { ...base, files: [], bytes: 0, heavy: [], problem: `node ${process.version} has no module hooks` };
  const files = [...new Set(lines.map((url) => fileURLToPath(url.replace(/[?#].*$/, ''))))];
  const bytes = files.reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
  return { ...base, files, bytes, heavy: heavyIn(files) };
}

/** `bin/aos-x.js, dist/main.js, ../core/dist/fast/index.js`: paths relative to the package. */
export function describeFiles(files: string[], packageDir: string): string {
  return files.map((file) => relative(packageDir, file).split(sep).join('/')).join(', ');
}
