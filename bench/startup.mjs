#!/usr/bin/env node
// Start-up benchmark: `--version` and `--json capabilities` of a connector against `node -e ''`,
// same Node, same run, interleaved, median of many runs. Usage: npm run bench [-- <runs> <bin>]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 40);
const bin = resolve(process.argv[3] ?? 'packages/connector-github/bin/aos-github.js');
const env = { ...process.env, AOS_AUDIT_DIR: mkdtempSync(join(tmpdir(), 'aos-bench-')) };

const cases = {
  "node -e ''": ['-e', ''],
  '--version': [bin, '--version'],
  '--json capabilities': [bin, '--json', 'capabilities'],
  '--json health (no token, full CLI)': [bin, '--json', 'health'],
};

const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs + 3; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    if (i >= 3) samples[name].push(ms); // the first runs warm the compile cache and disk cache
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const baseline = median(samples["node -e ''"]);
console.log(`node ${process.version}, ${runs} runs each, median wall time`);
for (const [name, values] of Object.entries(samples)) {
  const m = median(values);
  console.log(`${name.padEnd(38)} ${m.toFixed(1).padStart(7)} ms   ${(m / baseline).toFixed(2)}x`);
}
const ratio = median(samples['--json capabilities']) / baseline;
console.log(`capabilities ratio ${ratio.toFixed(2)}x (budget 1.50x): ${ratio <= 1.5 ? 'within budget' : 'OVER BUDGET'}`);
