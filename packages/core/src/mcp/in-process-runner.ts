import type { TextSink } from '../output/sink.js';
import { packageVersion } from '../harness/package-info.js';
import { runConnector } from '../harness/run.js';
import type { ConnectorDefinition } from '../harness/types.js';
import type { CommandRunner } from './runner.js';

type Env = Record<string, string | undefined>;

/**
 * Runs through `runConnector`, the same path as the CLI: mode gate, policy, validation, audit.
 * It cannot be cancelled mid-call; the session's deadline (--timeout-ms) bounds it instead.
 */
export function inProcessRunner(definition: ConnectorDefinition, env: Env, stderr: TextSink): CommandRunner {
  return {
    tool: definition.tool,
    version: packageVersion(definition.root),
    async run(argv) {
      let stdout = '';
      const exitCode = await runConnector(definition, { argv, env, stdout: { write: (text) => void (stdout += text) }, stderr });
      return { stdout, exitCode };
    },
  };
}
