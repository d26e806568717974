// The AOS connector contract (CONTRACT.md): everything a connector, a host or a test checks
// output against, with no runtime beyond zod. The harness lives in @aos-connectors/core.
export * from './modes.js';
export * from './error-codes.js';
export * from './manifest.js';
export * from './envelope.js';
export * from './capabilities.js';
export { BUILTIN_COMMANDS, builtinSummary, type BuiltinId } from './builtins.js';
export { GLOBAL_FLAG_NAMES, MAX_TIMEOUT_MS, parseGlobalFlags, type GlobalFlags, type ParsedArgv } from './global-flags.js';
export * from './errors/index.js';
export { successEnvelope, errorEnvelope, envelopeMeta, type Invocation, type EnvelopeError } from './envelope-builders.js';
export { newEvidenceId } from './evidence-id.js';
