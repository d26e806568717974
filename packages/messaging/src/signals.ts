import type { GatewayLog } from './adapter.js';

/**
 * An AbortSignal that SIGTERM or SIGINT aborts, for a gateway's clean stop. A second signal
 * exits at once (an impatient Ctrl-C): still safe, since every queue step is crash-safe.
 */
export function abortOnSignals(log?: GatewayLog, signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log?.(`${name} again: exiting now`);
      process.exit(name === 'SIGINT' ? 130 : 143);
    }
    log?.(`${name}: stopping (the message in flight finishes or stays queued)`);
    controller.abort(new Error(`Received ${name}`));
  };
  for (const name of signals) process.on(name, handler);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) process.off(name, handler);
    },
  };
}
