import type { Readable, Writable } from 'node:stream';
import type { Manifest } from '@aos-connectors/contract';
import { modeAllows, type Mode } from '@aos-connectors/contract';
import { toAosError } from '@aos-connectors/contract';
import { PermissionDeniedError, UsageError } from '@aos-connectors/contract';
import { deriveManifest, packageVersion } from '@aos-connectors/core';
import type { ConnectorDefinition } from '@aos-connectors/core';
import type { TextSink } from '@aos-connectors/core';
import { inProcessRunner } from './in-process-runner.js';
import type { CommandRunner } from './runner.js';
import { loadMcpSdk } from './sdk.js';
import { spawnRunner } from './spawn-runner.js';
import { toolTable, type McpToolEntry } from './tool-table.js';
import { errorResult, resultOf, type McpToolResult } from './tool-result.js';

type Env = Record<string, string | undefined>;

/**
 * A connector to serve: its definition (calls run in-process), its manifest and a loader of its
 * definition (tools are listed from the manifest; the definition loads on the first call), or
 * its manifest and bin (calls spawn the bin).
 */
export type McpConnector =
  | { definition: ConnectorDefinition; prefix?: string }
  | { manifest: Manifest; version: string; load: () => Promise<ConnectorDefinition>; prefix?: string }
  | { manifest: Manifest; binPath: string; version?: string; prefix?: string };

/** The SDK's Transport, structurally (so the core's public types do not need the optional SDK). */
export interface McpTransport {
  start(): Promise<void>;
  send(message: unknown, options?: unknown): Promise<void>;
  close(): Promise<void>;
  onclose?(): void;
  onerror?(error: Error): void;
  onmessage?(message: unknown, extra?: unknown): void;
}

export interface McpServeOptions {
  connectors: McpConnector[];
  /** The session's mode (CONTRACT §4), enforced by the server on every call. Default `readonly`. */
  mode?: Mode;
  /** The caller's deadline, passed to every call as --timeout-ms. */
  timeoutMs?: number;
  /** The environment calls run with (credentials, AOS_* settings). Default `process.env`. */
  env?: Env;
  /** Default: stdio over `stdin`/`stdout` (default the process's), closed when stdin ends. */
  transport?: McpTransport;
  stdin?: Readable;
  stdout?: Writable;
  /** Where in-process connectors log. Default the process's stderr. */
  stderr?: TextSink;
  serverInfo?: { name: string; version: string };
}

export interface McpSession {
  /** Tool names tools/list shows: those the session's mode allows. */
  listed: string[];
  /** Every tool, including those above the mode (refused with PERMISSION_DENIED when called by name). */
  tools: string[];
  /** Settles once the client is gone and calls in flight have finished. */
  closed: Promise<void>;
  close(): Promise<void>;
}

const NO_JSON_SCHEMA_VALIDATION = {
  getValidator(): never {
    throw new Error('JSON Schema validation (elicitation) is not used by the AOS MCP bridge');
  },
};

function runnerOf(connector: McpConnector, options: McpServeOptions, env: Env, stderr: TextSink): CommandRunner {
  if ('definition' in connector) return inProcessRunner({ tool: connector.definition.tool, version: packageVersion(connector.definition.root), load: async () => connector.definition }, env, stderr);
  if ('load' in connector) return inProcessRunner({ tool: connector.manifest.tool, version: connector.version, load: connector.load }, env, stderr);
  return spawnRunner({ tool: connector.manifest.tool, version: connector.version ?? '0.0.0', binPath: connector.binPath, env, timeoutMs: options.timeoutMs });
}

function instructions(tools: string[], mode: Mode): string {
  return [
    `Each tool runs one command of an AOS connector (${tools.join(', ')}) in mode ${mode}.`,
    'A result is the connector\'s JSON envelope: {"ok":true,"data":...} or {"ok":false,"error":{"code","message","details"}}.',
    `Tools that need a mode above ${mode} are not listed; the server must be restarted in a higher mode to use them.`,
    'List tools take limit and cursor: pass data.next_cursor as cursor for the next page. health and doctor explain missing setup.',
    'Tools with an output schema also return data as structuredContent, and take fields (["id","user.login"]) to return only those fields.',
  ].join(' ');
}

const toolJson = (entry: McpToolEntry) => ({
  name: entry.name,
  description: entry.description,
  inputSchema: entry.inputSchema,
  ...(entry.outputSchema ? { outputSchema: entry.outputSchema } : {}),
  annotations: entry.annotations,
});

/** The `fields` argument of a tool with an output schema, checked; the connector checks each name against its declaration. */
function fieldsOf(entry: McpToolEntry, fields: unknown): { fields?: string[] } {
  if (fields === undefined || fields === null) return {};
  if (!entry.outputSchema) {
    throw new UsageError(`${entry.name} declares no output fields, so "fields" cannot select from its result`, { details: { argument: 'fields' } });
  }
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string' && field.trim() !== '' && !field.includes(','))) {
    throw new UsageError('"fields" must be an array of field names, dotted for nested fields (["id", "user.login"])', { details: { argument: 'fields' } });
  }
  return fields.length > 0 ? { fields: fields as string[] } : {};
}

/**
 * An MCP server whose tools are connector commands. The session's mode is enforced here, not
 * left to the connector: tools above it are not listed, and one called by name anyway is
 * refused with the PERMISSION_DENIED envelope before anything runs. Hiding keeps agents from
 * planning around tools they cannot use; refusing covers clients that call names they were
 * never shown. Every call takes the connector's CLI path with the session's `--mode`, so the
 * connector gates, validates and audits it as it would any CLI call. Results are the
 * connector's envelope as JSON text, `isError` when `ok` is false; for a tool with an
 * output schema, a successful result also carries `data` as `structuredContent`.
 */
export async function serveConnectorsOverMcp(options: McpServeOptions): Promise<McpSession> {
  const sdk = await loadMcpSdk();
  const mode = options.mode ?? 'readonly';
  const env = options.env ?? process.env;
  const stderr = options.stderr ?? { write: (text: string) => void process.stderr.write(text) };
  const runners = options.connectors.map((connector) => runnerOf(connector, options, env, stderr));
  const manifests = options.connectors.map((connector) => ('definition' in connector ? deriveManifest(connector.definition) : connector.manifest));
  const table = toolTable(manifests.map((manifest, i) => ({ manifest, prefix: options.connectors[i]!.prefix })));
  const byName = new Map(table.map((entry) => [entry.name, entry]));
  const listed = table.filter((entry) => modeAllows(mode, entry.requiredMode));

  async function call(entry: McpToolEntry, input: unknown, signal: AbortSignal): Promise<McpToolResult> {
    const runner = runners[entry.connector]!;
    const context = { tool: runner.tool, version: runner.version, mode, commandId: entry.commandId, startedAt: Date.now() };
    if (!modeAllows(mode, entry.requiredMode)) return errorResult(context, new PermissionDeniedError(entry.commandId, entry.requiredMode, mode));
    try {
      if (input !== undefined && (input === null || typeof input !== 'object' || Array.isArray(input))) throw new UsageError('Tool arguments must be a JSON object');
      const { fields, ...args } = (input ?? {}) as Record<string, unknown>;
      if (entry.isList && 'all' in args) throw new UsageError('"all" is not offered over MCP: page with "limit" and "cursor" (data.next_cursor)', { details: { argument: 'all' } });
      const request = { commandId: entry.commandId, path: entry.path, input: args, mode, timeoutMs: options.timeoutMs, ...fieldsOf(entry, fields) };
      return resultOf(await runner.run(request, signal), context, { structured: entry.outputSchema !== undefined });
    } catch (error) {
      return errorResult(context, toAosError(error));
    }
  }

  const single = runners.length === 1 ? runners[0] : undefined;
  const server = new sdk.Server(options.serverInfo ?? { name: single?.tool ?? 'aos', version: single?.version ?? '0.0.0' }, {
    capabilities: { tools: {} },
    // The validator serves elicitation, which this server never asks for: not loading ajv keeps start-up short.
    jsonSchemaValidator: NO_JSON_SCHEMA_VALIDATION,
    instructions: instructions(runners.map((runner) => runner.tool), mode),
  });
  const inflight = new Set<Promise<McpToolResult>>();
  server.setRequestHandler(sdk.ListToolsRequestSchema, async () => ({ tools: listed.map(toolJson) }));
  server.setRequestHandler(sdk.CallToolRequestSchema, async (request, extra) => {
    const entry = byName.get(request.params.name);
    if (!entry) throw new sdk.McpError(sdk.ErrorCode.InvalidParams, `Unknown tool "${request.params.name}"`);
    const pending = call(entry, request.params.arguments, extra.signal);
    inflight.add(pending);
    void pending.finally(() => inflight.delete(pending));
    return pending;
  });

  // A request read with the last bytes of input starts its handler a few microtasks later, and
  // a finished call's answer is sent a few after it settles: a macrotask between checks covers both.
  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (inflight.size === 0) return;
      await Promise.allSettled([...inflight]);
    }
  };
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  server.onclose = () => void settle().then(markClosed);

  if (options.transport) {
    await server.connect(options.transport as Parameters<typeof server.connect>[0]);
  } else {
    const stdin = options.stdin ?? process.stdin;
    const stdout = options.stdout ?? process.stdout;
    // The SDK's stdio transport does not notice the client hanging up: finish the calls in
    // flight (their answers can still be read), then close.
    const hangUp = () => void settle().then(() => server.close());
    stdin.once('end', hangUp);
    stdout.once('error', hangUp);
    await server.connect(new sdk.StdioServerTransport(stdin, stdout));
  }
  return {
    listed: listed.map((entry) => entry.name),
    tools: table.map((entry) => entry.name),
    closed,
    close: () => server.close(),
  };
}
