import type { ConnectorDefinition, TextSink } from '@aos-connectors/core';
import type { CommandRunner } from './runner.js';

type Env = Record<string, string | undefined>;

export interface InProcessConnector {
  tool: string;
  version: string;
  /** The definition, loaded on the first call: listing tools needs only the manifest. */
  load: () => Promise<ConnectorDefinition>;
}

/**
 * Runs through `invoke`, the path every CLI call takes: mode gate, policy, validation, audit.
 * The client's cancellation reaches the requests in flight through the call's signal. The
 * harness is imported on the first call, so `initialize` and `tools/list` do not wait for it.
 */
export function inProcessRunner(connector: InProcessConnector, env: Env, stderr: TextSink): CommandRunner {
  let ready: Promise<[ConnectorDefinition, typeof import('@aos-connectors/core').invoke]> | undefined;
  return {
    tool: connector.tool,
    version: connector.version,
    async run({ commandId, input, mode, timeoutMs, fields }, signal) {
      ready ??= Promise.all([connector.load(), import('@aos-connectors/core').then((core) => core.invoke)]);
      const [definition, invoke] = await ready;
      const { envelope, exitCode } = await invoke(definition, { command: commandId, input, mode, timeoutMs, fields, env, signal, stderr });
      return { stdout: JSON.stringify(envelope), exitCode };
    },
  };
}
