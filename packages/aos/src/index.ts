export { runAos } from './run-aos.js';
export type { AosIO } from './io.js';
export { forwardedFlags } from './relay.js';
