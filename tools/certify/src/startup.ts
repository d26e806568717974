import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export interface StartupTiming {
  baselineMs: number;
  capabilitiesMs: number;
  ratio: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function timeOnce(args: string[], env: Record<string, string>): number {
  const started = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Median wall time of `--json capabilities` against `node -e ''`, same Node, interleaved so both
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
  const baselineMs = median(baseline);
  const capabilitiesMs = median(capabilities);
  return { baselineMs, capabilitiesMs, ratio: capabilitiesMs / baselineMs };
}
