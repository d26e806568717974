import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseJunit, type TestCase } from './junit.js';

export interface SuiteRun {
  exitCode: number | null;
  cases: TestCase[];
  output: string;
  durationMs: number;
  problem?: string;
}

const SUITE_TIMEOUT_MS = 180_000;

/**
 * Runs the package's own vitest suite with its own config. The JUnit reporter goes to a scratch
 * file: it replaces the configured reporters, so the package's test-results.json (what CI
 * counts) is left alone.
 */
export function runPackageTests(packageDir: string, scratch: string): Promise<SuiteRun> {
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
      timeout: SUITE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (exitCode) => {
      const cases = existsSync(report) ? parseJunit(readFileSync(report, 'utf8')) : [];
      resolve({ exitCode, cases, output, durationMs: performance.now() - started, problem: child.killed ? `killed after ${SUITE_TIMEOUT_MS / 1000} s` : undefined });
    });
  });
}
