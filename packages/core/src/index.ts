// Contract
export * from './contract/modes.js';
export * from './contract/error-codes.js';
export * from './contract/manifest.js';
export * from './contract/envelope.js';
export * from './contract/capabilities.js';
export { GLOBAL_FLAG_NAMES, parseGlobalFlags, type GlobalFlags } from './contract/global-flags.js';
// Errors
export * from './errors/index.js';
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
export { runConnector, type ConnectorIO } from './harness/run.js';
export { runConnectorProcess } from './harness/process.js';
export { deriveManifest, derivePermissions, requiredMode, BUILTIN_COMMANDS } from './harness/derive.js';
export { capabilitiesFromManifest } from './harness/capabilities-data.js';
export { commandInputSchema, inputJsonSchema } from './harness/command-input.js';
// HTTP
export type { HttpClient, HttpProfile, HttpResponse, RequestOptions, Query } from './http/types.js';
export { linkPage, cursorPage, numberedPage, parseLinkHeader } from './http/pagination.js';
export { retryAfterSeconds } from './http/retry-timing.js';
export type { PlannedRequest } from './http/dry-run.js';
// Audit and secrets
export type { AuditRecord, HttpExchange, SideEffect } from './audit/audit-log.js';
export { Scrubber, redactHeaders, redactUrl, REDACTED } from './secrets/scrubber.js';
export { syncManifests, type SyncResult } from './harness/sync-manifests.js';
export { readmeSections, applyReadmeSections } from './harness/readme.js';
// Policy (CONTRACT §10) and the SSRF guard: the harness applies them itself; their values are at
// `@aos-connectors/core/policy` for hosts and tools, so connectors do not load them at start-up.
export type * from './policy/index.js';
export type * from './http/ssrf/index.js';
// Messaging (CONTRACT §9), discovery (§8), the in-process service and the MCP bridge: their
// values live behind subpaths (`@aos-connectors/core/messaging`, `/discovery`, `/service`, `/mcp`)
// so a connector's start-up does not load them; only their types are re-exported here.
export type * from './messaging/index.js';
export { gatewayCommand, type GatewayDefinition } from './harness/gateway-command.js';
export type * from './discovery/index.js';
export type * from './service/index.js';
export type * from './mcp/index.js';
// Envelope writers and evidence ids, for hosts that speak the envelope contract themselves (aos)
export { successEnvelope, errorEnvelope, envelopeMeta, type Invocation, type EnvelopeError } from './output/envelope.js';
export { jsonOutput } from './output/json-output.js';
export { humanOutput } from './output/human-output.js';
export type { Output, ListView, ListStream } from './output/output.js';
export type { TextSink } from './output/sink.js';
export { colorEnabled, makeStyle, type Style } from './output/style.js';
export { renderTable, renderRecord, pickColumns } from './output/table.js';
export { newEvidenceId } from './audit/evidence-id.js';
