import { parseGlobalFlags } from '@aos-connectors/contract';
import { processSink } from '../output/process-sink.js';
import { buildTree, resolvePath } from './command-tree.js';
import { runConnector, type McpServe } from './run.js';
import type { ConnectorDefinition } from './types.js';

/** Exit codes of a process ended by a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };
/** How long a cancelled call gets to write its envelope and audit record before the process ends anyway. */
const CANCEL_GRACE_MS = 5_000;

/**
 * Whether this invocation stops on its own when cancelled: `mcp` (a server) and daemon commands
 * (gateways, which install their own SIGTERM/SIGINT handling) keep the signals' default meaning.
 */
function cancellableCall(definition: ConnectorDefinition, argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  try {
    const { rest } = parseGlobalFlags(argv, env);
    if (rest[0] === 'mcp') return false;
    const target = resolvePath(buildTree(definition), rest).node.target;
    return !(target?.kind === 'command' && target.command.daemon);
  } catch {
    return true;
  }
}

export interface ProcessOptions {
  /** The MCP bridge for `aos-<name> mcp` (the bundler wires `@aos-connectors/mcp` in, loaded on use). */
  serveMcp?: McpServe;
}

/**
 * Runs a connector as this process's CLI: real argv, env and streams; sets the exit code.
 *
 * The first SIGTERM or SIGINT cancels the call through the host-cancellation path (the
 * deadline's signal): requests in flight are aborted and the one envelope says TIMEOUT with
 * `details.cancelled`, a streamed `--all` list closed with its items so far and the cursor to
 * resume from. A second signal ends the process at once. A reader closing stdout early
 * cancels the same way, without a trace on stderr.
 */
export async function runConnectorProcess(definition: ConnectorDefinition, options: ProcessOptions = {}): Promise<void> {
  const argv = process.argv.slice(2);
  const cancellable = cancellableCall(definition, argv, process.env);
  const controller = cancellable ? new AbortController() : undefined;
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => {
    if (controller!.signal.aborted) process.exit(SIGNAL_EXIT[name]);
    controller!.abort(new Error(`Received ${name}`));
    // The harness ends promptly on cancel; a handle left open must not keep the process alive.
    setTimeout(() => process.exit(process.exitCode ?? SIGNAL_EXIT[name]), CANCEL_GRACE_MS).unref();
  };
  if (controller) for (const name of ['SIGTERM', 'SIGINT'] as const) process.on(name, onSignal);

  const stdout = processSink(process.stdout, () => controller?.abort(new Error('stdout was closed by its reader')));
  const stderr = processSink(process.stderr, () => undefined);
  try {
    process.exitCode = await runConnector(definition, {
      argv,
      env: process.env,
      stdout,
      stderr,
      isTTY: Boolean(process.stdout.isTTY),
      stdin: process.stdin,
      rawStdout: process.stdout,
      serveMcp: options.serveMcp,
      signal: controller?.signal,
    });
  } finally {
    if (controller) for (const name of ['SIGTERM', 'SIGINT'] as const) process.off(name, onSignal);
  }
}
