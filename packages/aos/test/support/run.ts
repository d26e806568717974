import { onlyJsonLine } from '@aos-connectors/testing/server';
import { runAos, type AosIO } from '../../src/index.js';

export interface AosResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  json(): any;
}

/** `aos` in-process with captured output; discovery sees only what `env` points at unless told otherwise. */
export async function aos(argv: string[], env: Record<string, string | undefined>, discovery: AosIO['discovery'] = { repoRoot: null, globalModulesDir: null }): Promise<AosResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runAos({
    argv,
    env,
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    discovery,
  });
  return {
    exitCode,
    stdout,
    stderr,
    json: () => onlyJsonLine(stdout),
  };
}
