import {
  colorEnabled,
  humanOutput,
  jsonOutput,
  makeStyle,
  newEvidenceId,
  parseGlobalFlags,
  suggest,
  toAosError,
  UsageError,
  type AosError,
  type Invocation,
} from '@aos-connectors/core';
import { completion } from './commands/completion.js';
import { health } from './commands/health.js';
import { info } from './commands/info.js';
import { list } from './commands/list.js';
import { run } from './commands/run.js';
import { COMMAND_HELP, GLOBAL_HELP, HELP } from './help.js';
import type { AosIO, HostCall } from './io.js';
import { AOS_VERSION } from './version.js';

type Command = (call: HostCall) => Promise<void | number>;
// `mcp` loads the connector harness (for its MCP bridge): only when asked for.
const mcp: Command = async (call) => (await import('./commands/mcp.js')).mcp(call);
const COMMANDS: Record<string, Command> = { list, info, health, run, mcp, completion };

/**
 * One `aos` invocation, in-process: global flags from anywhere (the connectors' own parser),
 * then a subcommand. Every outcome ends in one envelope under --json and an exit code from the
 * core's table, except `run`, whose output and exit code are the connector's, and `mcp`,
 * whose stdout is the MCP stream.
 */
export async function runAos(io: AosIO): Promise<number> {
  const startedAt = Date.now();
  const { flags, rest, problems } = parseGlobalFlags(io.argv, io.env);
  const invocation: Invocation = {
    tool: 'aos', version: AOS_VERSION, evidenceId: newEvidenceId(startedAt), startedAt,
    mode: flags.mode, dryRun: false, requestIds: [],
  };
  const output = flags.json
    ? jsonOutput(io.stdout, invocation)
    : humanOutput(io.stdout, io.stderr, invocation, makeStyle(colorEnabled(io.env, io.isTTY ?? false)));
  const [name, ...args] = rest;
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (problems.length > 0) throw new UsageError(problems.join('; '), { hint: 'Run "aos --help".' });
    // `aos run <tool> ...` hands --help and --version to the connector.
    const forConnector = name === 'run' && args.length > 0;
    if (flags.version && !forConnector) {
      output.text('version', AOS_VERSION, { tool: 'aos', version: AOS_VERSION });
      return 0;
    }
    if (flags.help && !forConnector) {
      const text = command ? `${COMMAND_HELP[name!]}${GLOBAL_HELP}` : HELP;
      output.text('help', text, { help: text });
      return 0;
    }
    if (!command) {
      const match = name === undefined ? undefined : suggest(name, Object.keys(COMMANDS));
      const message = name === undefined ? 'aos needs a command' : `Unknown command "${name}"`;
      throw new UsageError(match ? `${message}; did you mean "${match}"?` : `${message}; expected one of: ${Object.keys(COMMANDS).join(', ')}`, {
        details: { available: Object.keys(COMMANDS), ...(match ? { suggestion: match } : {}) },
        hint: 'Run "aos --help".',
      });
    }
    return (await command({ io, flags, output, args, version: AOS_VERSION })) ?? 0;
  } catch (thrown) {
    const error: AosError = toAosError(thrown);
    output.error(command ? name! : 'unknown', { code: error.code, message: error.message, details: error.details, hint: error.hint });
    if (flags.verbose && error.code === 'INTERNAL_ERROR') io.stderr.write(`${(error.cause as Error | undefined)?.stack ?? String(error.cause)}\n`);
    return error.exitCode;
  }
}
