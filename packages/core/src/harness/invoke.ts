import { BUILTIN_COMMANDS, isMode, MAX_TIMEOUT_MS, parseGlobalFlags, UsageError, type Envelope, type Mode } from '@aos-connectors/contract';
import { jsonOutput } from '../output/json-output.js';
import type { TextSink } from '../output/sink.js';
import { finishCall, startCall, type Call, type Env } from './call.js';
import { normalizeWord, type BuiltinId } from './command-tree.js';
import { executeBuiltin, executeCommand } from './execute.js';
import type { ConnectorDefinition } from './types.js';

/** One call as a host holds it: a command id and JSON input, no argv. */
export interface InvokeRequest {
  /** A command id (`issue.list`) or a built-in (`health`, `capabilities`, `config.show`, `doctor`). */
  command: string;
  /** The command's arguments, keyed as in its input schema; undeclared keys are refused. */
  input?: Record<string, unknown>;
  /** Default: `AOS_MODE` from `env`, else `readonly`, as on the CLI. */
  mode?: Mode;
  dryRun?: boolean;
  /** The caller's deadline in milliseconds (`--timeout-ms`). */
  timeoutMs?: number;
  /** Approval ids or command ids (CONTRACT §10), like repeated `--approve`. */
  approve?: string[];
  idempotencyKey?: string;
  /**
   * Only these fields of the result (of each item of a list), dotted for nested ones
   * (`user.login` → `{user:{login}}`), as `--fields`; each must be declared in the command's
   * output schema (capabilities: `output_schema`).
   */
  fields?: string[];
  verbose?: boolean;
  /** The environment the call reads (secrets, settings, AOS_*). Default: `process.env`. */
  env?: Env;
  /** Cancels the call: requests in flight are aborted and the envelope is TIMEOUT with `details.cancelled`. */
  signal?: AbortSignal;
  /** Where warnings and `--verbose` detail go (scrubbed). Default: collected into `stderr` of the result. */
  stderr?: TextSink;
}

export interface InvokeResult {
  /** The envelope the CLI prints with `--json`, with its own evidence id and audit record. */
  envelope: Envelope;
  /** The exit code the CLI would end with. */
  exitCode: number;
  /** What went to stderr when no `stderr` sink was given, secrets scrubbed. */
  stderr: string;
}

/**
 * The typed entry below argv: MCP `tools/call`, the service API and `aos run` hand JSON input
 * straight to it. It takes the one path every CLI call takes (mode gate, policy, validation,
 * deadline, audit) and returns the envelope; it never throws for a failed call.
 */
export async function invoke(definition: ConnectorDefinition, request: InvokeRequest): Promise<InvokeResult> {
  const env = request.env ?? process.env;
  const { flags, problems } = parseGlobalFlags([], env);
  let stdout = '';
  let stderrText = '';
  const call = startCall({
    definition,
    env,
    flags: {
      ...flags,
      json: true,
      mode: request.mode ?? flags.mode,
      dryRun: request.dryRun ?? false,
      timeoutMs: request.timeoutMs ?? flags.timeoutMs,
      approve: [...flags.approve, ...(request.approve ?? [])],
      idempotencyKey: request.idempotencyKey,
      // An empty list asks for no projection, as leaving `fields` out does.
      fields: Array.isArray(request.fields) && request.fields.length > 0 ? [...new Set(request.fields)] : flags.fields,
      verbose: request.verbose ?? flags.verbose,
    },
    stdout: { write: (text) => void (stdout += text) },
    stderr: request.stderr ?? { write: (text) => void (stderrText += text) },
    signal: request.signal,
    output: (sink, _stderr, invocation) => jsonOutput(sink, invocation),
  });
  let exitCode: number;
  try {
    checkRequest(request, problems);
    await run(call, request);
    exitCode = await finishCall(call);
  } catch (thrown) {
    exitCode = await finishCall(call, { thrown });
  }
  // The JSON output writes exactly one envelope for every outcome (CONTRACT §2).
  return { envelope: JSON.parse(stdout) as Envelope, exitCode, stderr: stderrText };
}

function checkRequest(request: InvokeRequest, envProblems: string[]): void {
  const problems = [...envProblems];
  if (request.mode !== undefined && !isMode(request.mode)) problems.push(`mode must be one of readonly, write, full, admin (got "${String(request.mode)}")`);
  const input = request.input;
  if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) problems.push('input must be a JSON object of the command\'s arguments');
  if (request.timeoutMs !== undefined && !(Number.isInteger(request.timeoutMs) && request.timeoutMs >= 1 && request.timeoutMs <= MAX_TIMEOUT_MS)) {
    problems.push(`timeoutMs must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} (got ${String(request.timeoutMs)})`);
  }
  const fields = request.fields as unknown;
  if (fields !== undefined && !(Array.isArray(fields) && fields.every((field) => typeof field === 'string' && field.trim() !== ''))) {
    problems.push('fields must be an array of field names (dotted for nested fields, e.g. ["id", "user.login"])');
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
}

async function run(call: Call, request: InvokeRequest): Promise<void> {
  const id = request.command.split('.').map(normalizeWord).join('.');
  call.commandId = id;
  if ((BUILTIN_COMMANDS as readonly string[]).includes(id)) {
    if (request.input && Object.keys(request.input).length > 0) throw new UsageError(`${id} takes no arguments`);
    if (call.flags.fields) throw new UsageError(`${id} declares no output fields, so "fields" cannot select from its result`, { hint: `Call ${id} without "fields".` });
    return executeBuiltin(call, id as BuiltinId);
  }
  const command = call.definition.commands.find((candidate) => candidate.id === id);
  if (!command) {
    call.commandId = 'unknown';
    throw new UsageError(`Unknown command "${request.command}" for ${call.definition.tool}`, {
      details: { available: call.definition.commands.map((c) => c.id) },
      hint: 'Call "capabilities" for the command ids.',
    });
  }
  await executeCommand(call, command, { values: request.input ?? {}, strictKeys: true });
}
