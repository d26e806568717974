import type { Readable, Writable } from 'node:stream';
import type { AuditRecord, HttpExchange, SideEffect } from '../audit/audit-log.js';
import { writeAuditRecord } from '../audit/audit-log.js';
import { newEvidenceId } from '../audit/evidence-id.js';
import { parseGlobalFlags, type GlobalFlags } from '../contract/global-flags.js';
import { modeAllows } from '../contract/modes.js';
import type { AosError } from '../errors/aos-error.js';
import { toAosError } from '../errors/internal-error.js';
import { PermissionDeniedError } from '../errors/permission-errors.js';
import { TimeoutError } from '../errors/backend-errors.js';
import { UsageError } from '../errors/usage-errors.js';
import { Deadline } from '../http/deadline.js';
import { DryRunCapture } from '../http/dry-run.js';
import type { Invocation } from '../output/envelope.js';
import { humanOutput } from '../output/human-output.js';
import { jsonOutput } from '../output/json-output.js';
import type { Output } from '../output/output.js';
import { scrubbedSink, type TextSink } from '../output/sink.js';
import { colorEnabled, makeStyle } from '../output/style.js';
import { Scrubber } from '../secrets/scrubber.js';
import { runDoctor } from './builtins/doctor.js';
import { configShow } from './builtins/config-show.js';
import { runHealth } from './builtins/health.js';
import { buildTree, commandIdOf, resolvePath, type Target, type TreeNode } from './command-tree.js';
import { capabilitiesFromManifest, deriveManifest, requiredMode } from './derive.js';
import { GLOBAL_HELP, groupHelp } from './help.js';
import { connectorError } from './connector-error.js';
import { commandContext } from './command-context.js';
import { runList, StreamedFailure, type ListInput } from './list-runner.js';
import { admit, enforceBeforeValidation, policyFor, presenter, type Admission } from './policy-gate.js';
import { effectiveTimeoutMs } from '../policy/limits.js';
import type { ToolPolicy } from '../policy/tool-policy.js';
import type { SsrfDispatcher } from '../http/ssrf/dispatcher.js';
import { packageVersion } from './package-info.js';
import { leafCommand, parseCommandArgs } from './parse-args.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import type { CommandContext, CommandDefinition, ConnectorDefinition } from './types.js';
import { validateInput } from './validate-input.js';

type Env = Record<string, string | undefined>;

export interface ConnectorIO {
  argv: readonly string[];
  env: Env;
  stdout: TextSink;
  stderr: TextSink;
  isTTY?: boolean;
  /** The process's own streams, for `mcp`: a protocol stream must not pass the envelope writer. */
  stdin?: Readable;
  rawStdout?: Writable;
}

/** One invocation's shared state, threaded through the steps below. */
export interface Call {
  definition: ConnectorDefinition;
  io: ConnectorIO;
  flags: GlobalFlags;
  settings: ResolvedSettings;
  invocation: Invocation;
  output: Output;
  stderr: TextSink;
  commandId: string;
  arguments: Record<string, unknown>;
  exchanges: HttpExchange[];
  sideEffects: SideEffect[];
  /** Loaded once the command is known; decides sanitizing of errors too. */
  policy?: ToolPolicy;
  scrubber: Scrubber;
  /** The SSRF guard's connection pool, created on the first request to an untrusted host. */
  ssrf?: Promise<SsrfDispatcher>;
}

/**
 * Runs one CLI invocation of a connector in-process and returns its exit code. Every path ends
 * in exactly one envelope (with --json), one audit record, and an exit code from the one table.
 */
export async function runConnector(definition: ConnectorDefinition, io: ConnectorIO): Promise<number> {
  const startedAt = Date.now();
  const parsed = parseGlobalFlags(io.argv, io.env);
  const settings = resolveSettings(definition, io.env);
  const scrubber = new Scrubber(settings.secretValues());
  const stdout = scrubbedSink(io.stdout, (text) => scrubber.scrub(text));
  const stderr = scrubbedSink(io.stderr, (text) => scrubber.scrub(text));
  const invocation: Invocation = {
    tool: definition.tool,
    version: packageVersion(definition.root),
    evidenceId: newEvidenceId(startedAt),
    startedAt,
    mode: parsed.flags.mode,
    dryRun: false,
    requestIds: [],
  };
  const output = parsed.flags.json
    ? jsonOutput(stdout, invocation)
    : humanOutput(stdout, stderr, invocation, makeStyle(colorEnabled(io.env, io.isTTY ?? false)));
  const call: Call = {
    definition, io, flags: parsed.flags, settings, invocation, output, stderr,
    commandId: '', arguments: {}, exchanges: [], sideEffects: [], scrubber,
  };

  let failure: AosError | undefined;
  try {
    if (parsed.problems.length > 0) throw new UsageError(parsed.problems.join('; '), { hint: `Run "${definition.tool} --help".` });
    await dispatch(call, parsed.rest);
  } catch (thrown) {
    if (thrown instanceof StreamedFailure) {
      failure = thrown.error;
    } else {
      failure = toAosError(thrown);
      // Vendor messages are third-party text too.
      const present = presenter(call.policy);
      output.error(call.commandId || 'unknown', { code: failure.code, message: present(failure.message), details: present(failure.details), hint: failure.hint });
    }
    if (parsed.flags.verbose && failure.code === 'INTERNAL_ERROR') {
      const cause = failure.cause as Error | undefined;
      stderr.write(`${cause?.stack ?? String(cause)}\n`);
    }
  }

  await call.ssrf?.then((ssrf) => ssrf.close(), () => undefined);
  const exitCode = failure ? failure.exitCode : 0;
  const record: AuditRecord = {
    evidence_id: invocation.evidenceId,
    timestamp: new Date(startedAt).toISOString(),
    tool: definition.tool,
    version: invocation.version,
    command: call.commandId || 'unknown',
    mode: invocation.mode,
    arguments: call.arguments,
    dry_run: invocation.dryRun,
    outcome: failure ? failure.code : 'ok',
    exit_code: exitCode,
    duration_ms: Date.now() - startedAt,
    http: call.exchanges,
    side_effects: call.sideEffects,
  };
  writeAuditRecord(io.env, record, (text) => scrubber.scrub(text), (message) => stderr.write(`warning: ${message}\n`));
  return exitCode;
}

async function dispatch(call: Call, rest: string[]): Promise<void> {
  const { definition, flags, output } = call;
  if (flags.version) {
    call.commandId = 'version';
    output.text('version', call.invocation.version, { tool: definition.tool, version: call.invocation.version });
    return;
  }
  // `mcp` is a transport, not a command: not in the manifest, the tree or permissions.json.
  if (rest[0] === 'mcp' && !flags.help) return serveMcp(call, rest.slice(1));
  const tree = buildTree(definition);
  const { node, consumed } = resolvePath(tree, rest);
  const args = rest.slice(consumed);
  call.commandId = commandIdOf(node);

  if (!node.target) {
    if (flags.help && args.length === 0) return showHelp(call, groupHelp(definition, node));
    const unknown = args[0];
    const where = node.path.length ? `"${node.path.join(' ')}" ` : '';
    const message = unknown === undefined
      ? `${node.path.length ? `"${node.path.join(' ')}"` : definition.tool} needs a command: ${[...node.children.keys()].join(', ')}`
      : `Unknown ${where}command "${unknown}"; expected one of: ${[...node.children.keys()].join(', ')}`;
    if (!flags.json) call.stderr.write(groupHelp(definition, node));
    throw new UsageError(message, { details: { available: [...node.children.keys()] }, hint: `Run "${[definition.tool, ...node.path].join(' ')} --help".` });
  }
  await runTarget(call, node, node.target, args);
}

async function runTarget(call: Call, node: TreeNode, target: Target, args: string[]): Promise<void> {
  const { definition, flags, output, settings, io } = call;
  if (target.kind === 'builtin') {
    if (flags.help) return showHelp(call, `Usage: ${definition.tool} ${node.path.join(' ')}\n\n${groupHelp(definition, { ...node, children: new Map() }).split('\n').slice(2, 3).join('')}${GLOBAL_HELP}\n`);
    if (args.length > 0) throw new UsageError(`${call.commandId} takes no arguments (got "${args.join(' ')}")`);
    switch (target.id) {
      case 'capabilities':
        return output.success('capabilities', capabilitiesFromManifest(deriveManifest(definition), call.invocation.version));
      case 'config.show':
        return output.success('config.show', configShow(definition, settings, io.env, flags.mode));
      case 'doctor':
        return output.success('doctor', runDoctor(definition, settings));
      case 'health': {
        call.policy = await policyFor(io.env, definition.tool);
        const deadline = new Deadline(effectiveTimeoutMs(call.policy, flags.timeoutMs));
        return output.success('health', await runHealth(definition, settings, commandContext(call, deadline)));
      }
    }
  }

  const command = target.command;
  const cli = leafCommand(command, definition.tool, GLOBAL_HELP);
  if (flags.help) return showHelp(call, `${cli.helpInformation()}${GLOBAL_HELP}\n`);
  const parsed = parseCommandArgs(command, cli, args);
  call.arguments = parsed.values;

  // The mode gate comes before argument validation and before any I/O (CONTRACT §4).
  const needed = requiredMode(command);
  const dryRun = flags.dryRun;
  if (!dryRun && !modeAllows(flags.mode, needed)) throw new PermissionDeniedError(command.id, needed, flags.mode);
  const policy = (call.policy = await policyFor(io.env, definition.tool));
  await enforceBeforeValidation(policy, command.id, flags.mode, needed);
  if (parsed.problem) throw new UsageError(parsed.problem, { hint: `See "${command.id.split('.').join(' ')} --help".` });
  const input = validateInput(command, parsed.values);
  call.arguments = input;
  call.invocation.dryRun = dryRun;

  const admission = dryRun
    ? undefined
    : await admit(policy, { env: io.env, flags, commandId: command.id, input, evidenceId: call.invocation.evidenceId, isList: !!command.list });
  if (admission && 'replay' in admission) return output.success(command.id, admission.replay);

  const deadline = new Deadline(effectiveTimeoutMs(policy, flags.timeoutMs));
  const ctx = commandContext(call, deadline);
  const present = presenter(policy);
  try {
    const work = () => execute(definition, command, input, ctx, output, present, admission);
    await (command.daemon ? work() : withDeadline(deadline, work));
  } catch (thrown) {
    if (thrown instanceof StreamedFailure) throw thrown;
    if (!(thrown instanceof DryRunCapture)) {
      await admission?.fail(call.exchanges);
      throw connectorError(definition, thrown);
    }
    output.success(command.id, { dry_run: true, request: thrown.request });
  }
}

async function execute(
  definition: ConnectorDefinition,
  command: CommandDefinition,
  input: Record<string, unknown>,
  ctx: CommandContext,
  output: Output,
  present: <T>(data: T) => T,
  admission: Admission | undefined,
): Promise<void> {
  const mapError = (error: unknown) => connectorError(definition, error);
  if (command.list) {
    const listCommand = { ...command, run: async (i: never, c: CommandContext) => present(await command.run(i, c)) };
    return runList(listCommand, input as Record<string, unknown> & ListInput, ctx, output, mapError);
  }
  const data = present((await command.run(input, ctx)) ?? null);
  await admission?.complete(data);
  output.success(command.id, data);
}


/** Makes the caller's deadline hold even for a handler that ignores ctx.signal. */
function withDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  const ms = deadline.timeoutMs;
  if (ms === undefined) return work();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(new TimeoutError(`The command did not finish within ${ms} ms`, {
        details: { timeout_ms: ms, retryable: true },
        hint: 'Raise --timeout-ms or narrow the request.',
      }));
    if (deadline.signal.aborted) return onAbort();
    deadline.signal.addEventListener('abort', onAbort, { once: true });
    work().then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', onAbort));
  });
}

function showHelp(call: Call, text: string): void {
  call.output.text(call.commandId || 'help', text, { help: text });
}

/** `aos-<name> mcp`: this connector's commands as MCP tools over stdio, in the session's mode. */
async function serveMcp(call: Call, args: string[]): Promise<void> {
  const { definition, flags, io } = call;
  call.commandId = 'mcp';
  if (args.length > 0) throw new UsageError(`mcp takes no arguments (got "${args.join(' ')}")`, { hint: `Run "${definition.tool} --help".` });
  if (!io.stdin || !io.rawStdout) throw new UsageError('mcp serves over the process stdio; start it from the bin');
  const { serveConnectorMcp } = await import('../mcp/serve-connector.js');
  await serveConnectorMcp(definition, { mode: flags.mode, timeoutMs: flags.timeoutMs, env: io.env, stdin: io.stdin, stdout: io.rawStdout, stderr: call.stderr });
}
