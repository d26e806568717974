import type { AosError, GlobalFlags, Invocation } from '@aos-connectors/contract';
import { newEvidenceId, toAosError } from '@aos-connectors/contract';
import type { AuditRecord, HttpExchange, SideEffect } from '../audit/audit-log.js';
import { writeAuditRecord } from '../audit/audit-log.js';
import type { SsrfDispatcher } from '../http/ssrf/dispatcher.js';
import type { Output } from '../output/output.js';
import { scrubbedSink, type TextSink } from '../output/sink.js';
import type { ToolPolicy } from '../policy/tool-policy.js';
import { redactUrlsInData, Scrubber } from '../secrets/scrubber.js';
import { packageVersion } from './package-info.js';
import { StreamedFailure } from './list-runner.js';
import { presenter } from './policy-gate.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import type { ConnectorDefinition } from './types.js';

export type Env = Record<string, string | undefined>;

/** One invocation's shared state, threaded through the steps of the one path every caller takes. */
export interface Call {
  definition: ConnectorDefinition;
  env: Env;
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
  /** The host's cancellation (an MCP client's, a service caller's); the deadline follows it. */
  signal?: AbortSignal;
}

export interface CallSetup {
  definition: ConnectorDefinition;
  env: Env;
  flags: GlobalFlags;
  stdout: TextSink;
  stderr: TextSink;
  /** Builds the output (JSON envelope or text for people) on the scrubbed stdout. */
  output(stdout: TextSink, stderr: TextSink, invocation: Invocation): Output;
  signal?: AbortSignal;
}

/** Starts a call: evidence id, settings, and sinks that scrub every byte before it leaves. */
export function startCall(setup: CallSetup): Call {
  const { definition, env, flags } = setup;
  const startedAt = Date.now();
  const settings = resolveSettings(definition, env);
  const scrubber = new Scrubber(settings.secretValues());
  const stdout = scrubbedSink(setup.stdout, (text) => scrubber.scrub(text));
  const stderr = scrubbedSink(setup.stderr, (text) => scrubber.scrub(text));
  const invocation: Invocation = {
    tool: definition.tool,
    version: packageVersion(definition.root),
    evidenceId: newEvidenceId(startedAt),
    startedAt,
    mode: flags.mode,
    dryRun: false,
    requestIds: [],
  };
  return {
    definition, env, flags, settings, invocation, stderr, scrubber, signal: setup.signal,
    output: setup.output(stdout, stderr, invocation),
    commandId: '', arguments: {}, exchanges: [], sideEffects: [],
  };
}

/**
 * Ends a call: the error envelope (when the work threw), the SSRF pool closed, one audit record.
 * Returns the exit code from the one table.
 */
export async function finishCall(call: Call, outcome?: { thrown: unknown }): Promise<number> {
  let failure: AosError | undefined;
  if (outcome) {
    const { thrown } = outcome;
    if (thrown instanceof StreamedFailure) {
      failure = thrown.error;
    } else {
      failure = toAosError(thrown);
      // Vendor messages are third-party text too.
      const present = presenter(call.policy);
      call.output.error(call.commandId || 'unknown', { code: failure.code, message: present(failure.message), details: present(failure.details), hint: failure.hint });
    }
    if (call.flags.verbose && failure.code === 'INTERNAL_ERROR') {
      const cause = failure.cause as Error | undefined;
      call.stderr.write(`${cause?.stack ?? String(cause)}\n`);
    }
  }
  await call.ssrf?.then((ssrf) => ssrf.close(), () => undefined);
  const exitCode = failure ? failure.exitCode : 0;
  const { invocation } = call;
  const record: AuditRecord = {
    evidence_id: invocation.evidenceId,
    timestamp: new Date(invocation.startedAt).toISOString(),
    tool: call.definition.tool,
    version: invocation.version,
    command: call.commandId || 'unknown',
    mode: invocation.mode,
    // Credentials in input URLs (`?token=`, `user:pass@`) are redacted here as in `http[].url`.
    arguments: redactUrlsInData(call.arguments),
    dry_run: invocation.dryRun,
    outcome: failure ? failure.code : 'ok',
    exit_code: exitCode,
    duration_ms: Date.now() - invocation.startedAt,
    http: call.exchanges,
    side_effects: call.sideEffects,
  };
  writeAuditRecord(call.env, record, (text) => call.scrubber.scrub(text), (message) => call.stderr.write(`warning: ${message}\n`));
  return exitCode;
}
