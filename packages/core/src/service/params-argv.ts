import { GLOBAL_FLAG_NAMES } from '../contract/global-flags.js';
import { UsageError } from '../errors/usage-errors.js';

export type Params = Record<string, unknown>;

/**
 * The argv words a CLI caller would type for `params`, so the service goes through exactly the
 * CLI's parsing, coercion and validation. Each value is written `--flag=value` (never as a
 * separate word): a value that starts with `--` then stays a value and cannot become a flag.
 * `true` → `--flag`; `false`, `null` and `undefined` → nothing (a flag is off unless given);
 * arrays → the flag once per element; objects → JSON, as on the command line.
 */
export function paramsToArgv(params: Params): string[] {
  const words: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (!/^[a-z][a-z0-9_]*$/i.test(key)) throw new UsageError(`Parameter name "${key}" is not a valid input key`);
    const flag = `--${key.replaceAll('_', '-')}`;
    // `{mode: 'admin'}` in params must not override the caller's mode (the last --mode wins).
    if ((GLOBAL_FLAG_NAMES as readonly string[]).includes(flag.slice(2))) {
      throw new UsageError(`"${key}" is a global flag, not a command parameter: pass it in the call options`);
    }
    if (value === undefined || value === null || value === false) continue;
    if (value === true) words.push(flag);
    else if (Array.isArray(value)) for (const item of value) words.push(`${flag}=${scalar(key, item)}`);
    else words.push(`${flag}=${scalar(key, value)}`);
  }
  return words;
}

function scalar(key: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'object':
      if (value !== null) return JSON.stringify(value);
      break;
  }
  throw new UsageError(`Parameter "${key}" has a value that cannot be passed on a command line (${value === null ? 'null' : typeof value})`);
}

/**
 * The argv path of a command id (`issue.list` → `issue list`). A word that starts with `-` would
 * be read as a flag (`--version`, `-h`), so such ids are refused before anything runs.
 */
export function commandPath(commandId: string): string[] {
  const words = commandId.split('.');
  if (words.some((word) => word === '' || word.startsWith('-') || /\s/.test(word))) {
    throw new UsageError(`"${commandId}" is not a command id (dotted words, e.g. "issue.list")`);
  }
  return words;
}
