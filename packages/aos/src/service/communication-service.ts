import { NotFoundError, UsageError, type Capabilities, type Envelope, type Mode } from '@aos-connectors/contract';
import { capabilitiesFromManifest, deriveManifest, invoke, packageVersion, type ConnectorDefinition } from '@aos-connectors/core';

type Env = Record<string, string | undefined>;

export type Params = Record<string, unknown>;

/** The per-call settings the CLI takes as global flags (CONTRACT §1, §10). */
export interface CallOptions {
  /** Permission mode; default: `AOS_MODE` from the environment, else `readonly`, as on the CLI. */
  mode?: Mode;
  dryRun?: boolean;
  /** The caller's deadline in milliseconds. */
  timeoutMs?: number;
  /** Approval ids or command ids (CONTRACT §10), like repeated `--approve`. */
  approve?: string | string[];
  idempotencyKey?: string;
  /** Environment for this call, over the service's (secrets, settings, AOS_POLICY, ...). */
  env?: Env;
  /** Cancels the call; requests in flight are aborted. */
  signal?: AbortSignal;
}

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
   * Runs one command in-process through the core's `invoke` and returns the envelope the CLI
   * prints with `--json` (own evidence id and audit record), through the same mode gate, policy,
   * validation and HTTP client. Rejects only when `tool` is not registered.
   */
  execute(tool: string, commandId: string, params?: Params, options?: CallOptions): Promise<Envelope>;
  /** `execute`, with the exit code and stderr as well. */
  invoke(tool: string, commandId: string, params?: Params, options?: CallOptions): Promise<ServiceResult>;
}

/** The in-process service API (the seed's CommunicationService): a registry in front of `invoke`. */
export function createCommunicationService(options: CommunicationServiceOptions = {}): CommunicationService {
  const connectors = new Map<string, ConnectorDefinition>();
  const baseEnv = () => options.env ?? process.env;

  const register = (definition: ConnectorDefinition) => {
    if (connectors.has(definition.tool)) throw new UsageError(`${definition.tool} is already registered`);
    connectors.set(definition.tool, definition);
  };

  const call = async (tool: string, commandId: string, params: Params = {}, options: CallOptions = {}): Promise<ServiceResult> => {
    const definition = connectors.get(tool);
    if (!definition) {
      throw new NotFoundError(`No connector registered as ${tool}`, { details: { tool, registered: [...connectors.keys()] } });
    }
    return invoke(definition, {
      command: commandId,
      input: params,
      mode: options.mode,
      dryRun: options.dryRun,
      timeoutMs: options.timeoutMs,
      approve: [options.approve ?? []].flat(),
      idempotencyKey: options.idempotencyKey,
      env: { ...baseEnv(), ...options.env },
      signal: options.signal,
    });
  };

  for (const definition of options.connectors ?? []) register(definition);
  return {
    register,
    list: () => [...connectors.values()].map((d) => capabilitiesFromManifest(deriveManifest(d), packageVersion(d.root))),
    invoke: call,
    execute: async (...args) => (await call(...args)).envelope,
  };
}
