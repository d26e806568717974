import { GLOBAL_FLAG_NAMES } from '../contract/global-flags.js';
import type { Mode } from '../contract/modes.js';
import { UsageError } from '../errors/usage-errors.js';

export interface SessionFlags {
  mode: Mode;
  timeoutMs?: number;
}

const GLOBAL = new Set<string>(GLOBAL_FLAG_NAMES);
const KEY = /^[a-z][a-z0-9_]*$/;

const flagOf = (key: string) => key.replaceAll('_', '-');
const text = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * A tool call's JSON arguments as the connector's own command line, so an MCP call takes the
 * exact path a CLI call does (mode gate, policy, validation, audit). Values always go in
 * `--flag=value` form, so no value is ever read as a flag; keys must be declared inputs and
 * never a global flag, so arguments cannot raise the mode (`{"mode":"admin"}`) or smuggle
 * `--dry-run`/`--approve`. The session's flags come last and win anyway.
 *
 * true → `--flag`, false/null → omitted, arrays → the flag once per item, objects → JSON.
 */
export function commandArgv(path: readonly string[], input: unknown, declared: ReadonlySet<string> | undefined, session: SessionFlags): string[] {
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) {
    throw new UsageError('Tool arguments must be a JSON object');
  }
  const args: string[] = [];
  for (const [key, value] of Object.entries((input ?? {}) as Record<string, unknown>)) {
    if (!KEY.test(key) || GLOBAL.has(flagOf(key)) || (declared && !declared.has(key))) {
      const known = declared ? `; expected one of: ${[...declared].join(', ') || '(none)'}` : '';
      throw new UsageError(`Unknown argument "${key}"${known}`, { details: { argument: key } });
    }
    if (value === null || value === undefined || value === false) continue;
    if (value === true) args.push(`--${flagOf(key)}`);
    else if (Array.isArray(value)) for (const item of value) args.push(`--${flagOf(key)}=${text(item)}`);
    else args.push(`--${flagOf(key)}=${text(value)}`);
  }
  const flags = ['--json', '--mode', session.mode];
  if (session.timeoutMs !== undefined) flags.push('--timeout-ms', String(session.timeoutMs));
  return [...path, ...args, ...flags];
}
