import type { TextSink } from '../output/sink.js';
import { runConnector, type McpServe } from './run.js';
import type { ConnectorDefinition } from './types.js';

const processSink = (stream: NodeJS.WriteStream): TextSink => ({
  write: (text) => {
    stream.write(text);
  },
  drain: () => (stream.writableNeedDrain ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve()),
});

export interface ProcessOptions {
  /** The MCP bridge for `aos-<name> mcp` (the bundler wires `@aos-connectors/mcp` in, loaded on use). */
  serveMcp?: McpServe;
}

/** Runs a connector as this process's CLI: real argv, env and streams; sets the exit code. */
export async function runConnectorProcess(definition: ConnectorDefinition, options: ProcessOptions = {}): Promise<void> {
  process.exitCode = await runConnector(definition, {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: processSink(process.stdout),
    stderr: processSink(process.stderr),
    isTTY: Boolean(process.stdout.isTTY),
    stdin: process.stdin,
    rawStdout: process.stdout,
    serveMcp: options.serveMcp,
  });
}
