import { modeAllows, PermissionDeniedError, TimeoutError, UsageError } from '@aos-connectors/contract';
import { Deadline } from '../http/deadline.js';
import { DryRunCapture } from '../http/dry-run.js';
import type { Output } from '../output/output.js';
import { effectiveTimeoutMs } from '../policy/limits.js';
import { runDoctor } from './builtins/doctor.js';
import { configShow } from './builtins/config-show.js';
import { runHealth } from './builtins/health.js';
import type { Call } from './call.js';
import { commandContext } from './command-context.js';
import type { BuiltinId } from './command-tree.js';
import { connectorError } from './connector-error.js';
import { capabilitiesFromManifest, deriveManifest, requiredMode } from './derive.js';
import { runList, StreamedFailure, type ListInput } from './list-runner.js';
import { admit, enforceBeforeValidation, policyFor, presenter, type Admission } from './policy-gate.js';
import type { CommandContext, CommandDefinition } from './types.js';
import { checkFields, fieldProjector } from './output-fields.js';
import { JSON_HINT, validateInput } from './validate-input.js';

/** A command's input as it reached the harness: parsed argv (strings) or JSON (typed values). */
export interface CommandInput {
  values: Record<string, unknown>;
  /** A usage problem found while parsing argv; reported only after the mode gate (CONTRACT §4). */
  problem?: string;
  /**
   * JSON input (invoke, MCP, `--input-json`) names its keys itself: an undeclared key is a usage
   * error, never ignored, and messages and hints speak of JSON keys and `capabilities`, not CLI flags.
   */
  strictKeys?: boolean;
}

/** The built-in commands (CONTRACT §5). `health` goes through policy and the deadline like any call. */
export async function executeBuiltin(call: Call, id: BuiltinId): Promise<void> {
  const { definition, flags, output, settings, env } = call;
  if (flags.fields) throw new UsageError(`${id} declares no output fields, so --fields cannot select from its result`, { hint: `Run "${definition.tool} ${id.split('.').join(' ')}" without --fields.` });
  switch (id) {
    case 'capabilities':
      return output.success('capabilities', capabilitiesFromManifest(deriveManifest(definition), call.invocation.version));
    case 'config.show':
      return output.success('config.show', configShow(definition, settings, env, flags.mode));
    case 'doctor':
      return output.success('doctor', runDoctor(definition, settings));
    case 'health': {
      call.policy = await policyFor(env, definition.tool);
      const deadline = new Deadline(effectiveTimeoutMs(call.policy, flags.timeoutMs), call.signal);
      return output.success('health', await runHealth(definition, settings, commandContext(call, deadline)));
    }
  }
}

/**
 * One declared command, in the contract's order: mode gate, policy, input validation,
 * approval/idempotency/rate admission, then the handler under the deadline, its result or
 * dry-run plan written as the envelope. The CLI, MCP, the service API and `aos run` all end here.
 */
export async function executeCommand(call: Call, command: CommandDefinition, given: CommandInput): Promise<void> {
  const { definition, flags, output, env } = call;
  call.commandId = command.id;
  call.arguments = given.values;

  // The mode gate comes before argument validation and before any I/O (CONTRACT §4).
  const needed = requiredMode(command);
  const dryRun = flags.dryRun;
  if (!dryRun && !modeAllows(flags.mode, needed)) throw new PermissionDeniedError(command.id, needed, flags.mode);
  const policy = (call.policy = await policyFor(env, definition.tool));
  await enforceBeforeValidation(policy, command.id, flags.mode, needed);
  const jsonCaller = given.strictKeys ?? false;
  if (given.problem) throw new UsageError(given.problem, { hint: jsonCaller ? JSON_HINT : `Run "${definition.tool} ${command.id.split('.').join(' ')} --help".` });
  const input = validateInput(command, given.values, { strictKeys: jsonCaller, tool: definition.tool });
  // Fields are checked against the declared output before anything is sent.
  if (flags.fields) checkFields(command, flags.fields, { tool: definition.tool, jsonCaller });
  const project = flags.fields ? fieldProjector(flags.fields) : undefined;
  call.arguments = input;
  call.invocation.dryRun = dryRun;

  const admission = dryRun
    ? undefined
    : await admit(policy, { env, flags, commandId: command.id, input, evidenceId: call.invocation.evidenceId, isList: !!command.list });
  if (admission && 'replay' in admission) return output.success(command.id, command.list || !project ? admission.replay : project(admission.replay));

  const deadline = new Deadline(effectiveTimeoutMs(policy, flags.timeoutMs), call.signal);
  const ctx = commandContext(call, deadline);
  const present = presenter(policy);
  try {
    const work = () => runHandler(call, command, input, ctx, output, present, admission, project);
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

async function runHandler(
  call: Call,
  command: CommandDefinition,
  input: Record<string, unknown>,
  ctx: CommandContext,
  output: Output,
  present: <T>(data: T) => T,
  admission: Admission | undefined,
  project: ((value: unknown) => unknown) | undefined,
): Promise<void> {
  const mapError = (error: unknown) => connectorError(call.definition, error);
  if (command.list) {
    const { fields } = call.flags;
    const listCommand = {
      ...command,
      // With --fields the table shows the fields asked for.
      list: fields ? { ...command.list, columns: fields } : command.list,
      run: async (i: never, c: CommandContext) => {
        const page = present(await command.run(i, c));
        // Each item projected as its page arrives (a streamed --all too); a page without items is the runner's to report.
        return project && Array.isArray(page?.items) ? { ...page, items: page.items.map(project) } : page;
      },
    };
    return runList(listCommand, input as Record<string, unknown> & ListInput, ctx, output, mapError);
  }
  const data = present((await command.run(input, ctx)) ?? null);
  await admission?.complete(data);
  output.success(command.id, project ? project(data) : data);
}

/** Makes the caller's deadline hold even for a handler that ignores ctx.signal. */
function withDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  const ms = deadline.timeoutMs;
  if (ms === undefined && !deadline.cancellable) return work();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(deadline.cancelled
        ? new TimeoutError('The call was cancelled by its caller', { details: { cancelled: true, retryable: true } })
        : new TimeoutError(`The command did not finish within ${ms} ms`, {
            details: { timeout_ms: ms, retryable: true },
            hint: 'Raise --timeout-ms or narrow the request.',
          }));
    if (deadline.signal.aborted) return onAbort();
    deadline.signal.addEventListener('abort', onAbort, { once: true });
    work().then(resolve, reject).finally(() => deadline.signal.removeEventListener('abort', onAbort));
  });
}
