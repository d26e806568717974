// Connector catalog benchmark (CONTRACT §8): 68 fake connector packages, the catalog built
// without probes and with health probes. Run: `npx tsx bench/catalog.ts [--count 68] [--runs 7]`.
// Targets on a 2-core machine: ≤ 0.3 s without probes, ≤ 2 s with probes.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '68' },
    runs: { type: 'string', default: '7' },
    concurrency: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean', default: false },
  },
});
const COUNT = Number(values.count);
const RUNS = Number(values.runs);
const CONCURRENCY = Number(values.concurrency);
const TARGET_CATALOG_MS = 300;
const TARGET_PROBED_MS = 2000;

const importStarted = performance.now();
const { discoverConnectors, probeHealth, HealthCache } = await import('../packages/aos/src/discovery/index.js');
const importMs = performance.now() - importStarted;

const fixture = JSON.parse(readFileSync(new URL('../packages/testing/test/fixture/connector.json', import.meta.url), 'utf8'));

/** A bin as cheap as a real connector's fast path can be: bare node, one write. */
function fakeBin(tool: string): string {
  const health = {
    ok: true,
    tool,
    command: 'health',
    data: { status: 'healthy', ready: true, checks: [{ name: 'credentials', ok: true, detail: 'none needed' }], next_steps: [] },
    meta: { mode: 'readonly', duration_ms: 0, timestamp: '2026-01-01T00:00:00Z', version: '1.0.0', evidence_id: 'ev_bench0001' },
  };
  return `#!/usr/bin/env node\nprocess.stdout.write(${JSON.stringify(JSON.stringify(health))});\n`;
}

function makeConnectors(root: string): string {
  const dir = join(root, 'connectors');
  for (let i = 0; i < COUNT; i++) {
    const tool = `aos-bench-${String(i).padStart(2, '0')}`;
    const pkg = join(dir, tool);
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'connector.json'), JSON.stringify({ ...fixture, tool }, null, 2));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: tool, version: '1.0.0', bin: { [tool]: `./bin/${tool}.js` } }));
    writeFileSync(join(pkg, 'bin', `${tool}.js`), fakeBin(tool));
    chmodSync(join(pkg, 'bin', `${tool}.js`), 0o755);
  }
  return dir;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function series(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(fn));
  return times;
}

/** The floor under any probing: the same bins spawned bare, same concurrency, no discovery, no parsing. */
async function spawnFloor(bins: string[]): Promise<void> {
  const run = (bin: string) =>
    new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [bin, '--json', 'health'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.on('close', () => resolve());
    });
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < bins.length) await run(bins[next++]!); }));
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;

const root = mkdtempSync(join(tmpdir(), 'aos-bench-catalog-'));
try {
  const repos = makeConnectors(root);
  const cacheFile = join(root, 'cache', 'health.json');
  // The real PATH is scanned (that is part of the cost); repo packages and npm global are left out,
  // and so is the node_modules/.bin that npx puts first (the workspace's real aos-* bins), so
  // exactly the generated connectors are counted and probed.
  const PATH = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.endsWith(join('node_modules', '.bin'))).join(delimiter);
  const env = { ...process.env, PATH, HOME: join(root, 'home'), ARGENT_CONNECTOR_REPOS: repos };
  const discover = () => discoverConnectors({ env, repoRoot: null, globalModulesDir: null });

  const firstCall = await time(discover);
  const catalog = await discover();
  const found = catalog.connectors.filter((c) => c.tool.startsWith('aos-bench-'));
  if (found.length !== COUNT || found.some((c) => c.installState !== 'installed')) throw new Error('the catalog is missing connectors');

  const plain = await series(Math.max(RUNS, 15), discover);
  const bins = found.map((c) => c.binPath!);
  const probed: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved with the floor, so a busy machine weighs on both alike.
    probed.push(
      await time(async () => {
        const result = await probeHealth(await discover(), { env, cache: false, concurrency: CONCURRENCY });
        const ready = result.connectors.filter((c) => c.installState === 'ready').length;
        if (ready !== COUNT) throw new Error(`only ${ready}/${COUNT} connectors ready`);
      }),
    );
    floor.push(await time(() => spawnFloor(bins)));
  }
  const memoryCache = new HealthCache();
  await probeHealth(catalog, { env, cache: memoryCache });
  const cachedMemory = await series(RUNS, async () => probeHealth(await discover(), { env, cache: memoryCache }));
  await probeHealth(catalog, { env, cache: new HealthCache({ file: cacheFile }) });
  // A new HealthCache per run reads the file, as a new CLI process would.
  const cachedFile = await series(RUNS, async () => probeHealth(await discover(), { env, cache: new HealthCache({ file: cacheFile }) }));

  const rows: [string, number, number | undefined, number | undefined][] = [
    ['import discovery module (tsx, once)', importMs, undefined, undefined],
    ['catalog, first call in process', firstCall, undefined, undefined],
    [`catalog, no probes (median of ${plain.length})`, median(plain), Math.min(...plain), TARGET_CATALOG_MS],
    [`catalog + probes, no cache (median of ${RUNS})`, median(probed), Math.min(...probed), TARGET_PROBED_MS],
    [`  floor: ${COUNT} bare node spawns of the bins (median of ${RUNS})`, median(floor), Math.min(...floor), undefined],
    [`catalog + probes, memory cache (median of ${RUNS})`, median(cachedMemory), Math.min(...cachedMemory), undefined],
    [`catalog + probes, file cache, new process (median of ${RUNS})`, median(cachedFile), Math.min(...cachedFile), undefined],
  ];
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`${COUNT} connectors, ${availableParallelism()} CPUs, probe concurrency ${CONCURRENCY}, node ${process.version}, load average ${load}`);
  let failed = false;
  console.log(`${''.padEnd(62)}  median       best`);
  for (const [label, value, best, target] of rows) {
    const verdict = target === undefined ? '' : value <= target ? `  ok (target ≤ ${target} ms)` : `  OVER (target ≤ ${target} ms)`;
    failed ||= target !== undefined && value > target;
    console.log(`${label.padEnd(62)} ${ms(value)} ${best === undefined ? ''.padEnd(11) : ms(best)}${verdict}`);
  }
  if (failed) console.log('Over target: compare with the floor; on a busy machine both rise alike.');
  console.log(`probes, no cache, all runs: ${probed.map((x) => x.toFixed(0)).join(', ')} ms`);
  console.log(`floor, all runs:            ${floor.map((x) => x.toFixed(0)).join(', ')} ms`);
  if (failed) process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
