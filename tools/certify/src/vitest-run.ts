import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { parseJunit, type TestCase } from './junit.js';

export interface SuiteRun {
  exitCode: number | null;
  cases: TestCase[];
  output: string;
  durationMs: number;
  /** Set when the results are the package's own test run's (test-results.json), not a new run. */
  reused?: string;
  problem?: string;
}

/** What vitest's json reporter writes (the subset certification reads). */
interface VitestJson {
  success?: boolean;
  numFailedTestSuites?: number;
  testResults?: Array<{
    name: string;
    status?: string;
    message?: string;
    assertionResults?: Array<{ ancestorTitles?: string[]; title: string; status: string }>;
  }>;
}

/** The file every package's vitest writes (vitest.shared.ts: the json reporter), summed by CI. */
export const RESULTS_FILE = 'test-results.json';
/** What a test run depends on; results older than any of these are stale. */
const INPUTS = ['src', 'test', 'dist', 'bin', 'package.json', 'vitest.config.ts', 'vitest.config.js', 'vitest.config.mjs'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.tsbuildinfo')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The package's test files: *.test.{ts,js} under test/ and src/, as vitest.shared.ts includes them. */
function testFiles(packageDir: string, dir = ''): string[] {
  const here = join(packageDir, dir);
  if (!existsSync(here)) return [];
  return readdirSync(here, { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' || (!dir && !['src', 'test'].includes(entry.name)) ? [] : testFiles(packageDir, path);
    return dir && /\.test\.[cm]?[jt]s$/.test(entry.name) ? [path] : [];
  });
}

/** The cases of a vitest json report, named as the JUnit reporter names them (`describe > it`). */
export function parseVitestJson(json: VitestJson, packageDir: string): { cases: TestCase[]; failedFiles: string[] } {
  const cases: TestCase[] = [];
  const failedFiles: string[] = [];
  for (const file of json.testResults ?? []) {
    const path = relative(packageDir, file.name).split(sep).join('/');
    const results = file.assertionResults ?? [];
    if (file.status === 'failed' && !results.some((r) => r.status === 'failed')) failedFiles.push(`${path}: ${(file.message ?? 'failed').split('\n')[0]}`);
    for (const result of results) {
      const status = result.status === 'passed' ? 'passed' : result.status === 'failed' ? 'failed' : 'skipped';
      cases.push({ file: path, name: [...(result.ancestorTitles ?? []), result.title].join(' > '), status });
    }
  }
  return { cases, failedFiles };
}

/**
 * The package's own test run, when its test-results.json is at least as new as everything the
 * run depends on: CI runs each suite once (`npm test` runs `test` then `certify`), and running
 * it again under load only adds time and flakiness. Undefined when missing, stale or unreadable.
 */
export function reuseTestResults(packageDir: string): SuiteRun | undefined {
  const file = join(packageDir, RESULTS_FILE);
  if (!existsSync(file)) return undefined;
  const written = statSync(file).mtimeMs;
  if (INPUTS.some((input) => newestMtime(join(packageDir, input)) > written)) return undefined;
  let json: VitestJson;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return undefined; // being written by a run right now, or not vitest's
  }
  if (!Array.isArray(json.testResults)) return undefined;
  // A run of some files only (`npx vitest run test/one.test.ts`) writes the same file: not the suite's results.
  const ran = new Set(json.testResults.map((result) => relative(packageDir, result.name).split(sep).join('/')));
  if (testFiles(packageDir).some((file) => !ran.has(file))) return undefined;
  const { cases, failedFiles } = parseVitestJson(json, packageDir);
  const failed = json.success === false || failedFiles.length > 0 || (json.numFailedTestSuites ?? 0) > 0;
  return { exitCode: failed ? 1 : 0, cases, output: failedFiles.join('\n'), durationMs: 0, reused: RESULTS_FILE };
}

/**
 * The package's suite results: its own test run's when fresh (reuseTestResults), else a run of
 * its vitest with its own config. The JUnit reporter goes to a scratch file: it replaces the
 * configured reporters, so the package's test-results.json (what CI counts) is left alone.
 * No overall time limit: vitest bounds each test and hook itself (testTimeout), and a suite
 * that passes alone must not be killed because the machine is busy.
 */
export function runPackageTests(packageDir: string, scratch: string): Promise<SuiteRun> {
  const reused = reuseTestResults(packageDir);
  if (reused) return Promise.resolve(reused);
  let vitest: string;
  try {
    vitest = join(createRequire(join(packageDir, 'package.json')).resolve('vitest/package.json'), '..', 'vitest.mjs');
  } catch {
    return Promise.resolve({ exitCode: null, cases: [], output: '', durationMs: 0, problem: 'vitest cannot be resolved from the package' });
  }
  const report = join(mkdtempSync(join(scratch, 'tests-')), 'junit.xml');
  // A clean environment: no VITEST_* of a parent runner, no real credentials.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TINYPOOL|NODE_OPTIONS$)/.test(key) && !/(TOKEN|SECRET|API_KEY|PASSWORD)/.test(key)));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', '--reporter=junit', `--outputFile.junit=${report}`], {
      cwd: packageDir,
      env: { ...env, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) => resolve({ exitCode: null, cases: [], output, durationMs: performance.now() - started, problem: error.message }));
    child.on('close', (exitCode) => {
      const cases = existsSync(report) ? parseJunit(readFileSync(report, 'utf8')) : [];
      resolve({ exitCode, cases, output, durationMs: performance.now() - started });
    });
  });
}
