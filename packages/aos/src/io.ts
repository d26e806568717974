import type { Readable, Writable } from 'node:stream';
import type { GlobalFlags } from '@aos-connectors/contract';
import type { Output, TextSink } from '@aos-connectors/core';
import type { DiscoveryOptions } from './discovery/index.js';

export type Env = Record<string, string | undefined>;

/** One invocation of `aos`: the process passes its own; tests pass buffers. */
export interface AosIO {
  argv: readonly string[];
  env: Env;
  stdout: TextSink;
  stderr: TextSink;
  isTTY?: boolean;
  /** What `aos run` gives the connector as stdin. Default `ignore`; the process passes `inherit`. */
  stdin?: 'inherit' | 'ignore';
  /** Forward SIGINT/SIGTERM/SIGHUP to the connector `aos run` started (the process only). */
  forwardSignals?: boolean;
  /** The byte streams `aos mcp` speaks MCP on. Default the process's stdin and stdout. */
  streams?: { stdin: Readable; stdout: Writable };
  /** Discovery overrides (tests leave out this checkout's packages and npm's global ones). */
  discovery?: Pick<DiscoveryOptions, 'repoRoot' | 'globalModulesDir'>;
}

/** What every subcommand gets. */
export interface HostCall {
  io: AosIO;
  flags: GlobalFlags;
  output: Output;
  /** Words after the subcommand, global flags removed. */
  args: string[];
  version: string;
}
