import { ConfigError } from '@aos-connectors/contract';
import type { RunnerConfig } from './config.js';
import { SupervisedInstance, type InstanceOutcome } from './instance.js';
import { resolveBin } from './resolve-bin.js';

export interface RunnerIO {
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Stop when any instance fails for good, instead of keeping the others running. */
  failFast?: boolean;
  /** Aborted to stop every instance (the CLI wires SIGTERM/SIGINT to it). */
  signal?: AbortSignal;
  /** Aborted to SIGKILL every instance at once (a second Ctrl-C). */
  kill?: AbortSignal;
  /** Which signal a stop forwards (the one received). */
  stopSignal?: () => NodeJS.Signals;
  random?: () => number;
}

export interface RunResult {
  exitCode: number;
  outcomes: InstanceOutcome[];
}

/** Each instance's executable, or one CONFIG_ERROR naming every connector that cannot be found. */
export function resolveBins(config: RunnerConfig, env: Record<string, string | undefined>): Map<string, string> {
  const bins = new Map<string, string>();
  const missing: string[] = [];
  for (const instance of config.instances) {
    const bin = resolveBin(instance.connector, config.file, env);
    if (bin) bins.set(instance.name, bin);
    else missing.push(`${instance.connector} (instance ${instance.name})`);
  }
  if (missing.length) {
    throw new ConfigError(`Connector executable not found: ${missing.join(', ')}`, {
      details: { missing },
      hint: 'Install it (npm i -g aos-<name>), or give its path as connector: ./path/to/bin.',
    });
  }
  return bins;
}

/**
 * Starts every enabled instance and supervises them until `signal` aborts (then each gets the
 * signal and the stop timeout) or until none is left running. Exit code: 0 after a clean stop;
 * otherwise the first failed instance's exit code (2, 3 or 4 for permanent failures), or 1.
 */
export async function runGateways(config: RunnerConfig, io: RunnerIO): Promise<RunResult> {
  if (config.instances.length === 0) {
    throw new ConfigError(`${config.file}: every instance is disabled (${config.disabled.join(', ')}); nothing to run`, { details: { file: config.file } });
  }
  const bins = resolveBins(config, io.env);
  const log = (line: string) => io.stderr(`${new Date().toISOString()} aos-gateway: ${line}\n`);
  if (config.disabled.length) log(`disabled: ${config.disabled.join(', ')}`);
  const instances = config.instances.map(
    (instance) =>
      new SupervisedInstance(instance, bins.get(instance.name)!, config.restart, {
        env: io.env,
        log: (line) => log(`[${instance.name}] ${line}`),
        stdout: io.stdout,
        stderr: io.stderr,
        random: io.random,
      }),
  );
  let stopping = false;
  const stopAll = (why: string) => {
    if (stopping) return;
    stopping = true;
    const signal = io.stopSignal?.() ?? 'SIGTERM';
    log(`${why}: stopping ${instances.length} instance(s) with ${signal}`);
    for (const instance of instances) void instance.stop(signal);
  };
  if (io.signal?.aborted) stopAll('stop requested');
  io.signal?.addEventListener('abort', () => stopAll('stop requested'), { once: true });
  io.kill?.addEventListener('abort', () => instances.forEach((instance) => instance.kill()), { once: true });

  log(`starting ${instances.length} instance(s) from ${config.file}`);
  for (const instance of instances) instance.start();
  const outcomes = await Promise.all(
    instances.map((instance) =>
      instance.done.then((outcome) => {
        if (outcome.status === 'failed' && io.failFast) stopAll(`${outcome.name} failed`);
        return outcome;
      }),
    ),
  );
  const failed = outcomes.filter((o) => o.status === 'failed');
  const code = failed[0]?.exitCode;
  const exitCode = failed.length === 0 ? 0 : code && code > 0 && code < 126 ? code : 1;
  log(failed.length ? `done: ${failed.map((o) => o.name).join(', ')} failed (exit ${exitCode})` : 'done: every instance stopped cleanly');
  return { exitCode, outcomes };
}
