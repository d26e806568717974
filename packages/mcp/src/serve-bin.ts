import { readFileSync } from 'node:fs';
import { parseGlobalFlags, type Manifest } from '@aos-connectors/contract';
import type { ConnectorDefinition } from '@aos-connectors/core';
import { serveConnectorsOverMcp } from './serve.js';

export interface BinMcpOptions {
  /** The connector package's root, where connector.json and package.json live. */
  root: URL;
  /** Loads the definition, on the first tool call. */
  load: () => Promise<ConnectorDefinition>;
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
}

/**
 * `aos-<name> mcp` as the bin starts it: tools are listed from the committed connector.json
 * (derived from the definition and checked for drift), so `initialize` and `tools/list` load
 * neither the connector's code nor the CLI harness; a tool call loads both. Returns false
 * without serving when the words are not a plain `mcp` call (`mcp --help`, extra words, bad
 * flags): the full CLI then answers them with its usage envelope.
 */
export async function serveBinMcp(options: BinMcpOptions): Promise<boolean> {
  const env = options.env ?? process.env;
  const { flags, rest, problems } = parseGlobalFlags(options.argv ?? process.argv.slice(2), env);
  if (problems.length > 0 || flags.help || flags.version || rest.length !== 1 || rest[0] !== 'mcp') return false;
  const manifest = JSON.parse(readFileSync(new URL('connector.json', options.root), 'utf8')) as Manifest;
  const { version } = JSON.parse(readFileSync(new URL('package.json', options.root), 'utf8')) as { version: string };
  const session = await serveConnectorsOverMcp({
    connectors: [{ manifest, version, load: options.load }],
    mode: flags.mode,
    timeoutMs: flags.timeoutMs,
    env,
  });
  await session.closed;
  return true;
}
