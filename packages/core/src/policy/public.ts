// `@aos-connectors/core/policy`: the policy engine and the SSRF guard, for hosts and tools.
export * from './index.js';
export * from '../http/ssrf/index.js';
