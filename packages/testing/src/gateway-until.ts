import type { MockApi } from './mock-api.js';

/** A deadline no test reaches: a gateway run ends when it stops itself or when `until` holds. */
export const NO_DEADLINE_MS = 600_000;

/**
 * Runs an in-process gateway (`run`, e.g. `runCli(def, [..., 'gateway', ...])` with
 * `--timeout-ms NO_DEADLINE_MS`) until `until()` holds, then stops it as SIGTERM does, by
 * calling the handler the gateway installed: a test waits for what it asserts (an API answer, a
 * file written or deleted), never for a wall-clock deadline, so a busy machine only makes it
 * slower. `until` is checked after every mocked answer of `api` and every few ms; without it
 * the run must end by itself.
 */
export async function runGatewayUntil<T>(run: () => Promise<T>, until: (() => boolean | Promise<boolean>) | undefined, api?: MockApi): Promise<T> {
  const before = new Set(process.listeners('SIGTERM'));
  let stopped = false;
  const check = async () => {
    if (stopped || !until || !(await until())) return;
    const stop = process.listeners('SIGTERM').find((listener) => !before.has(listener));
    if (!stop || stopped) return; // not started yet: the next check
    stopped = true;
    (stop as (signal: NodeJS.Signals) => void)('SIGTERM');
  };
  const onAnswer = () => void check();
  api?.server.events.on('response:mocked', onAnswer);
  const timer = setInterval(onAnswer, 10);
  try {
    return await run();
  } finally {
    clearInterval(timer);
    api?.server.events.removeListener('response:mocked', onAnswer);
  }
}
