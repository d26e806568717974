#!/usr/bin/env node
// `aos list --json` over 68 connectors (CONTRACT §8), as an agent host runs it: a new process
// each time, without and with health probes. Targets on a 2-core machine: ≤ 0.3 s without
// probes, ≤ 2 s with. Run after `npx nx build @aos-connectors/host`, on the workspace's Node 24:
//   npx node bench/aos-list.mjs [--count 68] [--runs 7]
// The built package is copied out of the checkout first, as an installed `aos` would be, so
// exactly the generated connectors are found (inside the checkout, `packages/` counts too).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '68' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const COUNT = Number(values.count);
const RUNS = Number(values.runs);
const CONCURRENCY = availableParallelism();
const TARGET_LIST_MS = 300;
const TARGET_PROBED_MS = 2000;
const LIST_RATIO_BUDGET = 3;

const pkg = new URL('../packages/aos/', import.meta.url);
if (!existsSync(new URL('dist/aos.js', pkg))) throw new Error('build it first: npx nx build @aos-connectors/host');
const fixture = JSON.parse(readFileSync(new URL('../packages/testing/test/fixture/connector.json', import.meta.url), 'utf8'));

/** A bin as cheap as a connector's fast path can be: bare node, one write (as bench/catalog.ts). */
function fakeBin(tool) {
  const health = {
    ok: true, tool, command: 'health',
    data: { status: 'healthy', ready: true, checks: [{ name: 'credentials', ok: true, detail: 'none needed' }], next_steps: [] },
    meta: { mode: 'readonly', duration_ms: 0, timestamp: '2026-01-01T00:00:00Z', version: '1.0.0', evidence_id: 'ev_bench0001' },
  };
  return `#!/usr/bin/env node\nprocess.stdout.write(${JSON.stringify(JSON.stringify(health))});\n`;
}

function makeConnectors(dir) {
  for (let i = 0; i < COUNT; i++) {
    const tool = `aos-bench-${String(i).padStart(2, '0')}`;
    const root = join(dir, tool);
    mkdirSync(join(root, 'bin'), { recursive: true });
    writeFileSync(join(root, 'connector.json'), JSON.stringify({ ...fixture, tool }, null, 2));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: tool, version: '1.0.0', bin: { [tool]: `./bin/${tool}.js` } }));
    writeFileSync(join(root, 'bin', `${tool}.js`), fakeBin(tool));
    chmodSync(join(root, 'bin', `${tool}.js`), 0o755);
  }
}

/** Wall time of one node process; with `state`, checked for one envelope holding COUNT connectors in it. */
function timeAos(bin, env, args, state) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (state) {
    const envelope = JSON.parse(result.stdout);
    const { connectors } = envelope.data;
    const found = connectors.filter((row) => row.tool.startsWith('aos-bench-') && row.install_state === state).length;
    if (result.status !== 0 || found !== COUNT || connectors.length !== COUNT) {
      throw new Error(`aos ${args.join(' ')}: ${found}/${COUNT} ${state} of ${connectors.length} found (exit ${result.status}) ${result.stderr}`);
    }
  }
  return ms;
}

/** The floor under any probing: COUNT bare node spawns of the bins, same concurrency. */
async function spawnFloor(bins) {
  const started = process.hrtime.bigint();
  const once = (bin) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, '--json', 'health'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.resume();
      child.on('close', resolve);
    });
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < bins.length) await once(bins[next++]); }));
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;

const root = mkdtempSync(join(tmpdir(), 'aos-bench-list-'));
try {
  const repos = join(root, 'connectors');
  makeConnectors(repos);
  // `aos` as installed: bin, bundle and package.json, outside this checkout.
  const installed = join(root, 'node_modules', '@aos-connectors', 'host');
  for (const part of ['bin', 'dist', 'package.json']) cpSync(new URL(part, pkg), join(installed, part), { recursive: true });
  const bin = join(installed, 'bin', 'aos.js');
  // The real PATH is scanned (part of the cost), but not the workspace's node_modules/.bin that
  // npx and npm scripts put first: its aos-* would be found, probed and counted. npm's global
  // packages are left out too.
  const PATH = process.env.PATH.split(delimiter).filter((dir) => !dir.endsWith(join('node_modules', '.bin'))).join(delimiter);
  const env = { ...process.env, PATH, HOME: join(root, 'home'), ARGENT_CONNECTOR_REPOS: repos, npm_config_prefix: join(root, 'npm-prefix'), AOS_AUDIT: 'off' };
  const bins = Array.from({ length: COUNT }, (_, i) => join(repos, `aos-bench-${String(i).padStart(2, '0')}`, 'bin', `aos-bench-${String(i).padStart(2, '0')}.js`));

  for (let i = 0; i < 3; i++) timeAos(bin, env, ['--json', 'list'], 'needs-setup'); // compile cache, disk cache
  const bare = [];
  const list = [];
  const probed = [];
  const cached = [];
  const floor = [];
  for (let i = 0; i < Math.max(RUNS, 15); i++) {
    // Interleaved, so a busy machine weighs on all alike.
    bare.push(timeAos('-e', env, ['']));
    list.push(timeAos(bin, env, ['--json', 'list'], 'needs-setup'));
    if (i < RUNS) {
      probed.push(timeAos(bin, env, ['--json', 'list', '--probe', '--refresh'], 'ready'));
      cached.push(timeAos(bin, env, ['--json', 'list', '--probe'], 'ready'));
      floor.push(await spawnFloor(bins));
    }
  }

  const rows = [
    [`node -e '' (median of ${bare.length})`, bare, undefined],
    [`aos list --json, no probes (median of ${list.length})`, list, TARGET_LIST_MS],
    [`aos list --json --probe, fresh probes (median of ${probed.length})`, probed, TARGET_PROBED_MS],
    [`  floor: ${COUNT} bare node spawns of the bins (median of ${floor.length})`, floor, undefined],
    [`aos list --json --probe, cached probes (median of ${cached.length})`, cached, undefined],
  ];
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`${COUNT} connectors, ${CONCURRENCY} CPUs (probe concurrency), node ${process.version}, load average ${load}`);
  console.log(`${''.padEnd(62)}  median       best`);
  let failed = false;
  for (const [label, values, target] of rows) {
    const value = median(values);
    const verdict = target === undefined ? '' : value <= target ? `  ok (target ≤ ${target} ms)` : `  OVER (target ≤ ${target} ms)`;
    failed ||= target !== undefined && value > target;
    console.log(`${label.padEnd(62)} ${ms(value)} ${ms(Math.min(...values))}${verdict}`);
  }
  // The ratio to bare Node in the same run holds on a busy machine, where absolute targets do not.
  const ratio = median(list) / median(bare);
  console.log(`aos list ratio ${ratio.toFixed(2)}x node -e '' (budget ${LIST_RATIO_BUDGET.toFixed(2)}x): ${ratio <= LIST_RATIO_BUDGET ? 'within budget' : 'OVER BUDGET'}`);
  if (failed) console.log('Over target: compare with node -e \'\' and the floor; on a busy machine all rise alike.');
  if (failed) process.exitCode = 1;
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
}
