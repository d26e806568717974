import { isMode, type Mode } from './modes.js';

/** Names of the global flags (CONTRACT §1); a command may not define an option with one of them. */
export const GLOBAL_FLAG_NAMES = ['json', 'mode', 'verbose', 'version', 'help', 'timeout-ms', 'dry-run', 'approve', 'idempotency-key', 'input-json', 'fields'] as const;

/** The longest deadline a timer can hold (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export interface GlobalFlags {
  json: boolean;
  mode: Mode;
  verbose: boolean;
  version: boolean;
  help: boolean;
  timeoutMs: number | undefined;
  dryRun: boolean;
  /** Approvals for commands the policy holds for a person (CONTRACT §10); also AOS_APPROVED. */
  approve: string[];
  /** Makes a write safe to repeat: a replay returns the first result without a request. */
  idempotencyKey: string | undefined;
  /** The command's arguments as one JSON object (hosts that hold JSON, not argv). */
  inputJson: string | undefined;
  /**
   * `--fields a,b.c`: only these dotted paths of the result (of each item of a list), nesting
   * kept; checked against the command's declared output schema. Undefined when not given.
   */
  fields: string[] | undefined;
}

export interface ParsedArgv {
  flags: GlobalFlags;
  /** argv with every global flag removed, in order. */
  rest: string[];
  /** Problems found while reading global flags; reported as INVALID_USAGE once output is set up. */
  problems: string[];
}

type Env = Record<string, string | undefined>;

const truthy = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

/**
 * Reads the global flags from anywhere in argv (before or after the command path) and their
 * environment equivalents. Flags win over the environment. `--` ends flag parsing.
 * Kept free of dependencies because the start-up fast path uses it.
 */
export function parseGlobalFlags(argv: readonly string[], env: Env): ParsedArgv {
  const problems: string[] = [];
  const flags: GlobalFlags = {
    json: truthy(env.AOS_JSON),
    mode: 'readonly',
    verbose: truthy(env.AOS_VERBOSE),
    version: false,
    help: false,
    timeoutMs: undefined,
    dryRun: false,
    approve: [],
    idempotencyKey: undefined,
    inputJson: undefined,
    fields: undefined,
  };
  // A flag that takes one value may be repeated only with the same value: a host that puts
  // `--mode readonly` before an agent's words must not be overridden by a later `--mode admin`.
  const given = new Map<string, string>();
  const once = (flag: string, value: string) => {
    const earlier = given.get(flag);
    if (earlier !== undefined && earlier !== value) problems.push(`--${flag} is given twice with different values ("${earlier}", "${value}")`);
    given.set(flag, value);
    return value;
  };
  let modeText = env.AOS_MODE?.trim() || undefined;
  let modeSource = 'AOS_MODE';
  let timeoutText = env.AOS_TIMEOUT_MS?.trim() || undefined;
  let timeoutSource = 'AOS_TIMEOUT_MS';
  const rest: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq === -1 ? arg.slice(2) : arg.slice(2, eq)) : undefined;
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case 'json':
        flags.json = true;
        break;
      case 'verbose':
        flags.verbose = true;
        break;
      case 'version':
        flags.version = true;
        break;
      case 'help':
        flags.help = true;
        break;
      case 'dry-run':
        flags.dryRun = true;
        break;
      case 'mode': {
        const value = takeValue();
        modeSource = '--mode';
        if (value === undefined) problems.push('--mode needs a value: readonly, write, full or admin');
        else modeText = once('mode', value);
        break;
      }
      case 'approve': {
        const value = takeValue();
        if (value === undefined) problems.push('--approve needs a command id or an approval id');
        else flags.approve.push(value);
        break;
      }
      case 'idempotency-key': {
        const value = takeValue();
        if (value === undefined) problems.push('--idempotency-key needs a value');
        else flags.idempotencyKey = once('idempotency-key', value);
        break;
      }
      case 'input-json': {
        const value = inline ?? argv[++i];
        if (value === undefined) problems.push('--input-json needs a JSON object of the command\'s arguments');
        else flags.inputJson = once('input-json', value);
        break;
      }
      case 'fields': {
        const value = takeValue();
        const paths = value?.split(',').map((path) => path.trim()).filter(Boolean) ?? [];
        if (paths.length === 0) problems.push('--fields needs a comma-separated list of fields, e.g. --fields id,user.login');
        else flags.fields = [...new Set([...(flags.fields ?? []), ...paths])];
        break;
      }
      case 'timeout-ms': {
        const value = takeValue();
        timeoutSource = '--timeout-ms';
        if (value === undefined) problems.push('--timeout-ms needs a number of milliseconds');
        else timeoutText = once('timeout-ms', value);
        break;
      }
      default:
        if (arg === '-h') flags.help = true;
        else rest.push(arg);
    }
  }

  if (modeText !== undefined) {
    if (isMode(modeText)) flags.mode = modeText;
    else problems.push(`${modeSource} must be one of readonly, write, full, admin (got "${modeText}")`);
  }
  if (timeoutText !== undefined) {
    // Digits only: `0x10`, `1e3` and `1.0` are not what a person or an agent meant to type.
    const ms = /^[0-9]{1,10}$/.test(timeoutText) ? Number(timeoutText) : NaN;
    if (ms >= 1 && ms <= MAX_TIMEOUT_MS) flags.timeoutMs = ms;
    else problems.push(`${timeoutSource} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (got "${timeoutText}")`);
  }
  return { flags, rest, problems };
}
