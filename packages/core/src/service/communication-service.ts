import type { Capabilities } from '../contract/capabilities.js';
import type { Envelope } from '../contract/envelope.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { UsageError } from '../errors/usage-errors.js';
import { capabilitiesFromManifest } from '../harness/capabilities-data.js';
import { deriveManifest } from '../harness/derive.js';
import { packageVersion } from '../harness/package-info.js';
import { runConnector } from '../harness/run.js';
import type { ConnectorDefinition } from '../harness/types.js';
import { globalArgv, type CallOptions } from './global-argv.js';
import { commandPath, paramsToArgv, type Params } from './params-argv.js';

type Env = Record<string, string | undefined>;

export interface CommunicationServiceOptions {
  /** The environment every call starts from (default: `process.env`, as the CLI reads it). */
  env?: Env;
  /** Connectors to register at once. */
  connectors?: ConnectorDefinition[];
}

/** One call's full outcome: the envelope, the exit code the CLI would have, and its stderr. */
export interface ServiceResult {
  envelope: Envelope;
  exitCode: number;
  /** What the CLI would have written to stderr (warnings, --verbose detail), secrets scrubbed. */
  stderr: string;
}

export interface CommunicationService {
  /** Adds a connector; its `tool` (e.g. `aos-github`) names it in `execute`. */
  register(definition: ConnectorDefinition): void;
  /** The capabilities of every registered connector, as `<tool> capabilities` reports them. */
  list(): Capabilities[];
  /**
   * Runs one command in-process and returns the envelope the CLI prints with `--json` (with its
   * own evidence id and audit record), through the same mode gate, policy, validation and HTTP
   * client. Rejects only when `tool` is not registered or `commandId` is not a command id.
   */
  execute(tool: string, commandId: string, params?: Params, options?: CallOptions): Promise<Envelope>;
  /** `execute`, with the exit code and stderr as well. */
  invoke(tool: string, commandId: string, params?: Params, options?: CallOptions): Promise<ServiceResult>;
}

/**
 * The in-process service API (the seed's CommunicationService): each call is one CLI invocation
 * of `runConnector` with argv built from the parameters and stdout captured, so there is exactly
 * one implementation of the contract's path and no process is spawned.
 */
export function createCommunicationService(options: CommunicationServiceOptions = {}): CommunicationService {
  const connectors = new Map<string, ConnectorDefinition>();
  const baseEnv = () => options.env ?? process.env;

  const register = (definition: ConnectorDefinition) => {
    if (connectors.has(definition.tool)) throw new UsageError(`${definition.tool} is already registered`);
    connectors.set(definition.tool, definition);
  };

  const invoke = async (tool: string, commandId: string, params: Params = {}, call: CallOptions = {}): Promise<ServiceResult> => {
    const definition = connectors.get(tool);
    if (!definition) {
      throw new NotFoundError(`No connector registered as ${tool}`, { details: { tool, registered: [...connectors.keys()] } });
    }
    const argv = [...globalArgv(call), ...commandPath(commandId), ...paramsToArgv(params)];
    let stdout = '';
    let stderr = '';
    const exitCode = await runConnector(definition, {
      argv,
      env: { ...baseEnv(), ...call.env },
      stdout: { write: (text) => void (stdout += text) },
      stderr: { write: (text) => void (stderr += text) },
      isTTY: false,
    });
    // With --json the harness writes exactly one envelope for every outcome (CONTRACT §2).
    return { envelope: JSON.parse(stdout) as Envelope, exitCode, stderr };
  };

  for (const definition of options.connectors ?? []) register(definition);
  return {
    register,
    list: () => [...connectors.values()].map((d) => capabilitiesFromManifest(deriveManifest(d), packageVersion(d.root))),
    invoke,
    execute: async (...args) => (await invoke(...args)).envelope,
  };
}
