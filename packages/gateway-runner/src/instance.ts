import { spawn, type ChildProcess } from 'node:child_process';
import { backoffDelay } from '@aos-connectors/messaging';
import { childEnv } from './child-env.js';
import type { InstanceConfig, RestartPolicy } from './config.js';
import { prefixLines } from './lines.js';

/** Exits a restart cannot fix: usage/conflict (2), permission (3), auth or config (4). */
export const PERMANENT_EXITS: ReadonlyMap<number, string> = new Map([
  [2, 'invalid usage, or the instance already runs elsewhere'],
  [3, 'permission denied'],
  [4, 'authentication or configuration error'],
]);

export interface InstanceOutcome {
  name: string;
  status: 'stopped' | 'failed';
  /** The last exit code (null when killed by a signal or never started). */
  exitCode: number | null;
  reason: string;
  restarts: number;
}

export interface InstanceIO {
  /** The runner's own lines about this instance. */
  log(line: string): void;
  /** The child's stdout and stderr, line by line (already prefixed). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** The runner's environment, filtered for the child. */
  env: Record<string, string | undefined>;
  random?: () => number;
}

/**
 * One gateway instance under supervision: `<bin> --mode <mode> gateway --home <home> --name <name>`,
 * restarted with capped exponential backoff when it crashes, left down when it exits with a
 * permanent code (or crashes more than `max_restarts` times in a row), stopped with a signal
 * that it gets `stop_timeout_ms` to honour before SIGKILL.
 */
export class SupervisedInstance {
  readonly config: InstanceConfig;
  readonly done: Promise<InstanceOutcome>;
  readonly #bin: string;
  readonly #policy: RestartPolicy;
  readonly #io: InstanceIO;
  #finish!: (outcome: InstanceOutcome) => void;
  #child: ChildProcess | undefined;
  #stopping = false;
  #finished = false;
  #crashes = 0;
  #restarts = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #killTimer: NodeJS.Timeout | undefined;

  constructor(config: InstanceConfig, bin: string, policy: RestartPolicy, io: InstanceIO) {
    this.config = config;
    this.#bin = bin;
    this.#policy = policy;
    this.#io = io;
    this.done = new Promise((resolve) => (this.#finish = resolve));
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  start(): void {
    if (this.#finished || this.#stopping) return;
    const { name, mode, home } = this.config;
    const startedAt = Date.now();
    // Its own process group: a terminal's Ctrl-C reaches only the runner, which forwards it once
    // (a gateway takes a second signal as "exit now").
    const child = spawn(this.#bin, ['--mode', mode, 'gateway', '--home', home, '--name', name], {
      env: childEnv(this.#io.env, this.config.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.#child = child;
    prefixLines(child.stdout!, `[${name}] `, this.#io.stdout);
    prefixLines(child.stderr!, `[${name}] `, this.#io.stderr);
    let settled = false;
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      this.#child = undefined;
      this.#end('failed', null, `could not start ${this.#bin}: ${error.code ?? error.message}`);
    });
    child.once('close', (code, signal) => {
      if (settled) return;
      settled = true;
      this.#child = undefined;
      clearTimeout(this.#killTimer);
      this.#exited(code, signal, Date.now() - startedAt);
    });
    this.#io.log(`started (pid ${child.pid ?? '?'})`);
  }

  /** Forwards `signal` and waits for the exit; SIGKILL after the stop timeout. Idempotent. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<InstanceOutcome> {
    if (this.#finished) return this.done;
    if (!this.#stopping) {
      this.#stopping = true;
      clearTimeout(this.#restartTimer);
      if (!this.#child) this.#end('stopped', null, 'stopped while waiting to restart');
      else {
        this.#signal(signal);
        this.#killTimer = setTimeout(() => {
          this.#io.log(`did not exit within ${this.#policy.stop_timeout_ms} ms of ${signal}; killing it`);
          this.#signal('SIGKILL');
        }, this.#policy.stop_timeout_ms);
      }
    }
    return this.done;
  }

  /** Ends it now (a second Ctrl-C). */
  kill(): void {
    if (this.#child) this.#signal('SIGKILL');
  }

  #signal(signal: NodeJS.Signals): void {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal); // the whole group: the gateway and anything it started
    } catch {
      this.#child?.kill(signal);
    }
  }

  #exited(code: number | null, signal: NodeJS.Signals | null, ranMs: number): void {
    const how = code !== null ? `exited with code ${code}` : `was killed by ${signal}`;
    if (this.#stopping) return this.#end('stopped', code, `${how} after stop`);
    const permanent = code !== null ? PERMANENT_EXITS.get(code) : undefined;
    if (permanent) return this.#end('failed', code, `${how} (${permanent}); not restarting`);
    if (ranMs >= this.#policy.reset_after_ms) this.#crashes = 0;
    this.#crashes += 1;
    const { max_restarts: limit } = this.#policy;
    if (limit > 0 && this.#crashes > limit) return this.#end('failed', code, `${how}; ${limit} restart(s) in a row did not help`);
    const delay = backoffDelay(this.#crashes, { baseMs: this.#policy.base_ms, maxMs: this.#policy.max_ms }, this.#io.random);
    this.#io.log(`${how} after ${(ranMs / 1000).toFixed(1)} s; restarting in ${delay} ms`);
    this.#restartTimer = setTimeout(() => {
      this.#restarts += 1;
      this.start();
    }, delay);
  }

  #end(status: InstanceOutcome['status'], exitCode: number | null, reason: string): void {
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#restartTimer);
    clearTimeout(this.#killTimer);
    this.#io.log(status === 'failed' ? `FAILED: ${reason}` : reason);
    this.#finish({ name: this.config.name, status, exitCode, reason, restarts: this.#restarts });
  }
}

