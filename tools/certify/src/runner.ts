import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorPackage } from './package.js';
import { pool } from './pool.js';

export type Env = Record<string, string>;

export interface RunResult {
  argv: string[];
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Everything the run appended to its own AOS_AUDIT_DIR. */
  audit: string;
  timedOut: boolean;
  durationMs: number;
}

/**
 * A guard against a connector that never exits, not a speed check: every call the gates make
 * carries its own --timeout-ms, and on a loaded machine a call can take several times that to
 * start, run and write its audit record. Killing it earlier fails a sound connector under load.
 */
const RUN_TIMEOUT_MS = 120_000;

function readAudit(dir: string): string {
  try {
    return readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')).join('');
  } catch {
    return '';
  }
}

/**
 * Runs the connector's bin as a black box (`node <bin> ...argv`), each call in a fresh HOME and
 * audit directory, with an environment that holds only what the check sets: nothing from the
 * certifier's own environment (a real token, AOS_MODE...) can leak in or change the outcome.
 * Every run is kept in `history`, so later checks can scan all output for secrets.
 */
export class ConnectorRunner {
  readonly history: RunResult[] = [];
  private readonly limit: ReturnType<typeof pool>;
  private readonly pkg: ConnectorPackage;
  private readonly scratch: string;

  constructor(pkg: ConnectorPackage, scratch: string, concurrency: number) {
    this.pkg = pkg;
    this.scratch = scratch;
    this.limit = pool(concurrency);
  }

  /** The command line, for evidence (`aos-acme --json item list`). */
  describe(result: Pick<RunResult, 'argv'>): string {
    return [this.pkg.tool, ...result.argv].join(' ');
  }

  run(argv: string[], env: Env = {}): Promise<RunResult> {
    return this.limit(() => this.spawn(argv, env));
  }

  private spawn(argv: string[], extra: Env): Promise<RunResult> {
    const dir = mkdtempSync(join(this.scratch, 'run-'));
    const auditDir = join(dir, 'audit');
    const env: Env = {
      PATH: process.env.PATH ?? '',
      HOME: join(dir, 'home'),
      AOS_AUDIT_DIR: auditDir,
      NO_COLOR: '1',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      ...extra,
    };
    const started = performance.now();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [this.pkg.bin, ...argv], {
        cwd: dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const finish = (exitCode: number | null, error?: Error) => {
        const result: RunResult = {
          argv,
          exitCode,
          stdout,
          stderr: error ? `${stderr}${error.message}` : stderr,
          audit: readAudit(auditDir),
          timedOut: child.killed,
          durationMs: performance.now() - started,
        };
        this.history.push(result);
        resolve(result);
      };
      child.on('error', (error) => finish(null, error));
      child.on('close', (code) => finish(code));
    });
  }
}
