import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

/** Where cross-invocation state lives: `AOS_STATE_DIR`, else `~/.argentos/state` (HOME from env first). */
export function stateDirectory(env: Env): string {
  const named = env.AOS_STATE_DIR?.trim();
  return named ? resolve(named) : join(env.HOME || homedir(), '.argentos', 'state');
}

/** `<dir>/<kind>/<tool>.json`, with the tool name reduced to characters safe in a file name. */
export function stateFile(stateDir: string, kind: string, tool: string): string {
  return join(stateDir, kind, `${tool.replace(/[^a-z0-9._-]/gi, '_')}.json`);
}
