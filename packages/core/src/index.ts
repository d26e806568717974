// The contract, re-exported so a connector needs one import.
export * from '@aos-connectors/contract';
// Harness
export { defineConnector } from './harness/define.js';
export { command } from './harness/types.js';
export type {
  CommandContext,
  CommandDefinition,
  ConnectorDefinition,
  ListCommandDefinition,
  Page,
  PageRequest,
  SettingDefinition,
  Settings,
  SingleCommandDefinition,
  HealthProbeResult,
} from './harness/types.js';
export { runConnector, type ConnectorIO, type McpServe } from './harness/run.js';
export { invoke, type InvokeRequest, type InvokeResult } from './harness/invoke.js';
export { runConnectorProcess, type ProcessOptions } from './harness/process.js';
export { packageVersion } from './harness/package-info.js';
export { deriveManifest, derivePermissions, requiredMode } from './harness/derive.js';
export { capabilitiesFromManifest } from './harness/capabilities-data.js';
export { commandInputSchema, inputJsonSchema } from './harness/command-input.js';
export { declaredFields, fieldProjector, outputJsonSchema } from './harness/output-fields.js';
export { flagName } from './harness/parse-args.js';
export { fieldDescription } from './harness/zod-introspect.js';
export { commandHelp, connectorHelp } from './harness/help.js';
export { completionScript, connectorCompletion, renderCompletion, type CompletionSpec, type Shell } from './harness/completion.js';
export { editDistance, suggest } from './harness/suggest.js';
// HTTP
export type { HttpClient, HttpProfile, HttpResponse, RequestOptions, Query } from './http/types.js';
export { linkPage, cursorPage, numberedPage, parseLinkHeader } from './http/pagination.js';
export { retryAfterSeconds } from './http/retry-timing.js';
export { checkShape as expectShape } from './http/expect.js';
export type { PlannedRequest } from './http/dry-run.js';
// Audit and secrets
export type { AuditRecord, HttpExchange, SideEffect } from './audit/audit-log.js';
export { Scrubber, redactHeaders, redactUrl, REDACTED } from './secrets/scrubber.js';
// Policy (CONTRACT §10) and the SSRF guard: the harness applies them itself; their values are at
// `@aos-connectors/core/policy` for hosts and tools, so connectors do not load them at start-up.
export type * from './policy/index.js';
export type * from './http/ssrf/index.js';
// Output writers, for hosts that speak the envelope contract themselves (aos)
export { jsonOutput } from './output/json-output.js';
export { humanOutput } from './output/human-output.js';
export type { Output, ListView, ListStream } from './output/output.js';
export type { TextSink } from './output/sink.js';
export { processSink } from './output/process-sink.js';
export { colorEnabled, makeStyle, type Style } from './output/style.js';
export { renderTable, renderRecord, pickColumns } from './output/table.js';
