import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRecord } from '@aos-connectors/core';
import { runConnector } from '@aos-connectors/core';
import type { ConnectorDefinition } from '@aos-connectors/core';

type Env = Record<string, string | undefined>;

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON envelope it must be under --json. */
  json<T = any>(): T;
  /** The audit records this run's audit directory holds. */
  audit(): AuditRecord[];
}

export interface RunCliOptions {
  /** Pretend stdout and stderr are a terminal (colour unless NO_COLOR, relative times, progress). */
  isTTY?: boolean;
  /** The terminal's width when `isTTY` (tables and records fit it). */
  columns?: number;
}

/**
 * Runs a connector in-process with the given argv and environment, capturing stdout, stderr
 * and the exit code. The environment is exactly `env` (nothing leaks in from the test runner),
 * with HOME and AOS_AUDIT_DIR pointing at a fresh temporary directory unless given.
 */
export async function runCli(definition: ConnectorDefinition, argv: string[], env: Env = {}, options: RunCliOptions = {}): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), 'aos-test-'));
  const fullEnv: Env = { HOME: home, AOS_AUDIT_DIR: join(home, 'audit'), ...env };
  let stdout = '';
  let stderr = '';
  const exitCode = await runConnector(definition, {
    argv,
    env: fullEnv,
    stdout: { write: (text) => void (stdout += text), isTTY: options.isTTY, columns: options.columns },
    stderr: { write: (text) => void (stderr += text), isTTY: options.isTTY, columns: options.columns },
    isTTY: options.isTTY,
  });
  return {
    exitCode,
    stdout,
    stderr,
    json: () => onlyJsonLine(stdout),
    audit() {
      const dir = fullEnv.AOS_AUDIT_DIR!;
      let files: string[] = [];
      try {
        files = readdirSync(dir).filter((file) => file.endsWith('.jsonl'));
      } catch {
        return [];
      }
      return files.flatMap((file) =>
        readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditRecord),
      );
    },
  };
}

/** The one JSON object a `--json` run must print on stdout; anything else is a contract failure. */
export function onlyJsonLine<T = any>(stdout: string): T {
  const lines = stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected exactly one JSON line on stdout, got ${lines.length}:\n${stdout}`);
  return JSON.parse(lines[0]!) as T;
}
