import type { Readable, Writable } from 'node:stream';
import type { Mode } from '@aos-connectors/contract';
import type { ConnectorDefinition } from '@aos-connectors/core';
import type { TextSink } from '@aos-connectors/core';
import { serveConnectorsOverMcp } from './serve.js';

type Env = Record<string, string | undefined>;

export interface ConnectorMcpOptions {
  /** The session's mode: `--mode` / `AOS_MODE` of the `mcp` invocation. */
  mode: Mode;
  /** `--timeout-ms` / `AOS_TIMEOUT_MS` of the invocation, applied to every call. */
  timeoutMs?: number;
  env: Env;
  stdin: Readable;
  stdout: Writable;
  stderr: TextSink;
}

/**
 * `aos-<name> mcp`: serves one connector's commands over stdio, calls run in-process through
 * `runConnector`, tool names are bare command ids (`issue_list`). Resolves when the client
 * hangs up and the calls in flight are done.
 */
export async function serveConnectorMcp(definition: ConnectorDefinition, options: ConnectorMcpOptions): Promise<void> {
  const session = await serveConnectorsOverMcp({ connectors: [{ definition }], ...options });
  await session.closed;
}
