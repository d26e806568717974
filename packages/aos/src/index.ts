export { runAos } from './run-aos.js';
export type { AosIO } from './io.js';
export { forwardedFlags } from './relay.js';
// Discovery (CONTRACT §8) and the in-process service API, for hosts built on this one.
export * from './discovery/index.js';
export * from './service/index.js';
