import { invoke, packageVersion, type ConnectorDefinition, type TextSink } from '@aos-connectors/core';
import type { CommandRunner } from './runner.js';

type Env = Record<string, string | undefined>;

/**
 * Runs through `invoke`, the path every CLI call takes: mode gate, policy, validation, audit.
 * The client's cancellation reaches the requests in flight through the call's signal.
 */
export function inProcessRunner(definition: ConnectorDefinition, env: Env, stderr: TextSink): CommandRunner {
  return {
    tool: definition.tool,
    version: packageVersion(definition.root),
    async run({ commandId, input, mode, timeoutMs }, signal) {
      const { envelope, exitCode } = await invoke(definition, { command: commandId, input, mode, timeoutMs, env, signal, stderr });
      return { stdout: JSON.stringify(envelope), exitCode };
    },
  };
}
