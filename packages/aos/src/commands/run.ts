import { ConfigError, UsageError } from '@aos-connectors/core';
import { discover, resolveTool } from '../catalog.js';
import type { HostCall } from '../io.js';
import { forwardedFlags, relay } from '../relay.js';

export const RUN_HELP = `Usage: aos run <tool> <command...> [flags]

Run a connector's command as if its bin were called directly: "aos run github issue list
--repo o/r" is "aos-github issue list --repo o/r". A host holding a command id and JSON
input passes them as they are: "aos run github issue.list --input-json '{"repo":"o/r"}'".
Global flags (--json, --mode, --timeout-ms, --dry-run, ...) are passed on as given; the
mode stays the caller's. The connector's output and exit code are relayed unchanged.
`;

/** Returns the connector's exit code, which becomes aos's. */
export async function run({ io, flags, args }: HostCall): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError('run needs a connector and a command, e.g. "aos run github issue list"', { hint: 'Run "aos list" for the names.' });
  const entry = resolveTool(await discover(io), name);
  if (!entry.binPath) {
    throw new ConfigError(`${entry.tool} has no runnable binary${entry.reason ? `: ${entry.reason}` : ''}`, {
      details: { tool: entry.tool, install_state: entry.installState, dir: entry.dir },
      hint: `Build it, or install it: npm i -g ${entry.tool}`,
    });
  }
  // A command id (`issue.list`) is the same command as its words (`issue list`).
  const [first, ...others] = rest;
  const words = first !== undefined && !first.startsWith('-') && first.includes('.') ? [...first.split('.'), ...others] : rest;
  return relay(entry.tool, entry.binPath, [...forwardedFlags(flags), ...words], flags, io);
}
