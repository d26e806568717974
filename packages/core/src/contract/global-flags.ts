import { isMode, type Mode } from './modes.js';

/** Names of the global flags (CONTRACT §1); a command may not define an option with one of them. */
export const GLOBAL_FLAG_NAMES = ['json', 'mode', 'verbose', 'version', 'help', 'timeout-ms', 'dry-run', 'approve', 'idempotency-key'] as const;

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
        modeText = takeValue();
        modeSource = '--mode';
        if (modeText === undefined) problems.push('--mode needs a value: readonly, write, full or admin');
        break;
      }
      case 'approve': {
        const value = takeValue();
        if (value === undefined) problems.push('--approve needs a command id or an approval id');
        else flags.approve.push(value);
        break;
      }
      case 'idempotency-key': {
        flags.idempotencyKey = takeValue();
        if (flags.idempotencyKey === undefined) problems.push('--idempotency-key needs a value');
        break;
      }
      case 'timeout-ms': {
        timeoutText = takeValue();
        timeoutSource = '--timeout-ms';
        if (timeoutText === undefined) problems.push('--timeout-ms needs a number of milliseconds');
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
    const ms = Number(timeoutText);
    if (Number.isInteger(ms) && ms > 0) flags.timeoutMs = ms;
    else problems.push(`${timeoutSource} must be a positive whole number of milliseconds (got "${timeoutText}")`);
  }
  return { flags, rest, problems };
}
