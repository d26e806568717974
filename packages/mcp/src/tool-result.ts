import { newEvidenceId } from '@aos-connectors/contract';
import type { Mode } from '@aos-connectors/contract';
import type { AosError } from '@aos-connectors/contract';
import { ConfigError } from '@aos-connectors/contract';
import { TimeoutError } from '@aos-connectors/contract';
import { InternalError } from '@aos-connectors/contract';
import { errorEnvelope, type Invocation } from '@aos-connectors/contract';
import type { RunOutcome } from './runner.js';

/** The MCP CallToolResult we produce: the envelope as JSON text; errors flagged so the model sees them. */
export interface McpToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  /** The envelope's `data`, for tools that declare an output schema, when `ok`. */
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export interface ResultContext {
  tool: string;
  version: string;
  mode: Mode;
  commandId: string;
  startedAt: number;
}

/** An envelope the server writes itself (refused before running, or the run left none): same shape as the connector's. */
export function errorResult(context: ResultContext, error: AosError): McpToolResult {
  const invocation: Invocation = {
    tool: context.tool, version: context.version, evidenceId: newEvidenceId(context.startedAt),
    startedAt: context.startedAt, mode: context.mode, dryRun: false, requestIds: [],
  };
  const envelope = errorEnvelope(invocation, context.commandId, { code: error.code, message: error.message, details: error.details });
  return { content: [{ type: 'text', text: JSON.stringify(envelope) }], isError: true };
}

/** The one JSON object on stdout, or undefined when the connector broke the contract. */
function envelopeOf(stdout: string): { ok?: unknown } | undefined {
  const text = stdout.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as { ok?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/** The line of stderr that says what went wrong: the first naming an error, else the first. */
function errorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines.find((line) => /\b\w*Error\b|^error:/i.test(line)) ?? lines[0])?.slice(0, 300);
}

/**
 * The connector's envelope, passed on verbatim (re-serialized compactly): `isError` when
 * `ok` is false; with `structured` (a tool with an output schema), `data` of a successful
 * envelope also goes as `structuredContent`. A run that left no envelope becomes one: its problem, or INTERNAL_ERROR
 * naming the exit code and the last line of stderr.
 */
export function resultOf(outcome: RunOutcome, context: ResultContext, options: { structured?: boolean } = {}): McpToolResult {
  const envelope = outcome.problem ? undefined : envelopeOf(outcome.stdout);
  if (envelope) {
    const content = [{ type: 'text' as const, text: JSON.stringify(envelope) }];
    if (envelope.ok !== true) return { content, isError: true };
    const data = (envelope as { data?: unknown }).data;
    const structured = options.structured && data !== null && typeof data === 'object' && !Array.isArray(data);
    return structured ? { content, structuredContent: data as Record<string, unknown> } : { content };
  }
  const lastLine = errorLine(outcome.stderrHead ?? '');
  const problem = outcome.problem ?? {
    code: 'INTERNAL_ERROR' as const,
    message: `${context.tool} ${context.commandId.split('.').join(' ')} exited with code ${outcome.exitCode} without a JSON envelope${lastLine ? `: ${lastLine}` : ''}`,
  };
  const ErrorClass = { CONFIG_ERROR: ConfigError, TIMEOUT: TimeoutError, INTERNAL_ERROR: InternalError }[problem.code];
  return errorResult(context, new ErrorClass(problem.message, { details: { exit_code: outcome.exitCode, ...(problem.code === 'TIMEOUT' ? { retryable: true } : {}) } }));
}
