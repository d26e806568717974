import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export interface StartupTiming {
  baselineMs: number;
  capabilitiesMs: number;
  ratio: number;
}

/**
 * The fastest run. Certification runs beside builds and other test suites, and load only ever
 * adds time, so the minimum is the estimate of the intrinsic start-up cost that load disturbs
 * least (bench/startup.mjs reports medians on a quiet machine).
 */
const best = (values: number[]): number => Math.min(...values);

function timeOnce(args: string[], env: Record<string, string>): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Best wall time of `--json capabilities` against `node -e ''`, same Node, interleaved so both
 * see the same machine load; the first runs only warm the compile and disk caches.
 */
export function measureStartup(bin: string, scratch: string, runs = 10, warmups = 2): StartupTiming {
  const env = { PATH: process.env.PATH ?? '', HOME: scratch, AOS_AUDIT_DIR: mkdtempSync(join(scratch, 'startup-')) };
  const baseline: number[] = [];
  const capabilities: number[] = [];
  for (let i = 0; i < runs + warmups; i++) {
    const b = timeOnce(['-e', ''], env);
    const c = timeOnce([bin, '--json', 'capabilities'], env);
    if (i >= warmups) {
      baseline.push(b);
      capabilities.push(c);
    }
  }
  const baselineMs = best(baseline);
  const capabilitiesMs = best(capabilities);
  return { baselineMs, capabilitiesMs, ratio: capabilitiesMs / baselineMs };
}
