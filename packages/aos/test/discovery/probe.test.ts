import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConnectors, findConnector, loadCapabilities, probeHealth, type Catalog } from '../../src/discovery/index.js';
import { envelope, fakePackage, fakePathExecutable, healthEnvelope, manifestFor, sandbox, type FakeOutput, type Sandbox } from './fake-connectors.js';

const capabilities = (tool: string) => envelope(tool, 'capabilities', { ...manifestFor(tool), version: '2.0.0', modes: ['readonly'] });

async function catalogOf(box: Sandbox, extraEnv: Record<string, string> = {}): Promise<Catalog> {
  return discoverConnectors({
    env: box.env({ ARGENT_CONNECTOR_REPOS: join(box.root, 'repos'), ...extraEnv }, [join(box.root, 'bin')]),
    repoRoot: null,
    globalModulesDir: null,
  });
}

const states = (catalog: Catalog) => Object.fromEntries(catalog.connectors.map((c) => [c.tool, [c.installState, c.reason]]));

describe('probeHealth: installState of each kind of connector', () => {
  it('probes only connectors with a binary and a usable manifest, and maps each outcome', async () => {
    const box = sandbox();
    const repos = join(box.root, 'repos');
    const pkg = (tool: string, health: FakeOutput, layout?: 'none') =>
      fakePackage(join(repos, tool), tool, box.log, { layout, bin: { outputs: { health } } });
    pkg('aos-ready', { json: healthEnvelope('aos-ready', 'healthy') });
    pkg('aos-setup', { json: healthEnvelope('aos-setup', 'needs_setup') });
    pkg('aos-degraded', { json: healthEnvelope('aos-degraded', 'degraded') });
    pkg('aos-repoonly', { json: healthEnvelope('aos-repoonly', 'healthy') }, 'none');
    pkg('aos-garbage', { text: 'Traceback (most recent call last):\n  oops\n', exit: 1 });
    pkg('aos-chatty', { text: 'checking...\n{"ok":true}\n' });
    pkg('aos-silent', { text: '', exit: 3 });
    pkg('aos-noauth', {
      json: { ok: false, tool: 'aos-noauth', command: 'health', error: { code: 'AUTH_REQUIRED', message: 'Set TOKEN', details: {} } },
      exit: 4,
    });
    fakePackage(join(repos, 'aos-invalid'), 'aos-invalid', box.log, { manifest: { tool: 'aos-invalid' } });
    fakePathExecutable(join(box.root, 'bin'), 'aos-bare', box.log, {
      capabilities: { json: capabilities('aos-bare') },
      health: { json: healthEnvelope('aos-bare', 'healthy') },
    });
    fakePathExecutable(join(box.root, 'bin'), 'aos-oldbare', box.log, { health: { json: healthEnvelope('aos-oldbare', 'healthy') } });

    const catalog = await catalogOf(box);
    expect(box.spawns()).toEqual([]);
    const probed = await probeHealth(catalog, { env: box.env(), cache: false });

    expect(states(probed)).toEqual({
      'aos-bare': ['ready', undefined],
      'aos-chatty': ['error', 'health printed 23 characters that are not one JSON envelope (exited with code 0)'],
      'aos-degraded': ['ready', 'credentials: TOKEN not set'],
      'aos-garbage': ['error', 'health printed 41 characters that are not one JSON envelope (exited with code 1)'],
      'aos-invalid': ['error', expect.stringMatching(/^connector\.json is invalid/)],
      'aos-noauth': ['needs-setup', 'AUTH_REQUIRED: Set TOKEN'],
      'aos-oldbare': ['error', 'capabilities: capabilities did not return a success envelope'],
      'aos-ready': ['ready', undefined],
      'aos-repoonly': ['repo-only', expect.stringContaining('no runnable binary')],
      'aos-setup': ['needs-setup', 'credentials: TOKEN not set'],
      'aos-silent': ['error', 'health printed nothing and exited with code 3'],
    });
    // The bare PATH executable's manifest came from `--json capabilities`, spawned only now.
    expect(findConnector(probed, 'aos-bare')).toMatchObject({ manifest: { tool: 'aos-bare' }, health: { status: 'healthy' } });
    expect(findConnector(probed, 'aos-setup')).toMatchObject({
      health: { status: 'needs_setup', next_steps: ['Set TOKEN'] },
      fromCache: false,
      probedAt: expect.stringMatching(/Z$/),
    });
    // Not spawned: no binary, or a manifest that cannot be trusted.
    expect(box.spawns('aos-repoonly')).toEqual([]);
    expect(box.spawns('aos-invalid')).toEqual([]);
    expect(box.spawns('aos-bare').map((line) => line.split(' ').slice(1, 3).join(' '))).toEqual(['--json capabilities', '--json health']);
    // The input catalog is left as discovered.
    expect(findConnector(catalog, 'aos-ready')?.installState).toBe('needs-setup');
    expect(probed.shadowed).toBe(catalog.shadowed);
    expect(probed.searched).toBe(catalog.searched);
  });

  it('accepts a list of entries and returns a list (probe one tool on demand)', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    fakePackage(join(box.root, 'repos', 'b'), 'aos-b', box.log);
    const catalog = await catalogOf(box);
    const probed = await probeHealth([findConnector(catalog, 'aos-b')!], { env: box.env(), cache: false });
    expect(probed).toMatchObject([{ tool: 'aos-b', installState: 'ready' }]);
    expect(box.spawns().map((line) => line.split(' ')[0])).toEqual(['aos-b']);
  });

  it('loadCapabilities fills in a bare PATH executable\'s manifest without probing health', async () => {
    const box = sandbox();
    fakePathExecutable(join(box.root, 'bin'), 'aos-bare', box.log, { capabilities: { json: capabilities('aos-bare') } });
    const entry = findConnector(await catalogOf(box), 'aos-bare')!;
    const loaded = await loadCapabilities(entry, { env: box.env() });
    expect(loaded).toMatchObject({ manifest: { tool: 'aos-bare' }, installState: 'needs-setup' });
    expect(loaded.manifest?.commands.map((command) => command.id)).toContain('widget.list');
    expect(await loadCapabilities(loaded, { env: box.env() })).toBe(loaded); // already has one: no spawn
    expect(box.spawns()).toHaveLength(1);
  });
});

describe('probeHealth: environment, timeouts and concurrency', () => {
  it('passes the environment through (AOS_AUDIT as is) and tells the child its deadline', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'aos-env'), 'aos-env', box.log, {
      bin: { outputs: { health: { json: healthEnvelope('aos-env', 'healthy') } }, requiresEnv: 'FAKE_TOKEN' },
    });
    const catalog = await catalogOf(box);

    const without = await probeHealth(catalog, { env: box.env({ AOS_AUDIT: 'custom' }), cache: false, timeoutMs: 4000 });
    expect(states(without)).toEqual({ 'aos-env': ['needs-setup', 'credentials: FAKE_TOKEN not set'] });
    expect(box.spawns()[0]).toMatch(/ audit=custom timeout=3200$/);

    const withToken = await probeHealth(catalog, { env: box.env({ FAKE_TOKEN: 't', AOS_TIMEOUT_MS: '777' }), cache: false });
    expect(withToken.connectors[0]!.installState).toBe('ready');
    expect(box.spawns()[1]).toMatch(/ audit=off timeout=777$/);
  });

  it('a hanging probe is killed at the timeout and marked error; the others finish unaffected and fast', async () => {
    const box = sandbox();
    const repos = join(box.root, 'repos');
    // Sorted first, so it takes a slot before the others start.
    fakePackage(join(repos, 'aos-a-hang'), 'aos-a-hang', box.log, { bin: { outputs: { health: { hang: true } } } });
    for (const tool of ['aos-f1', 'aos-f2', 'aos-f3', 'aos-f4']) fakePackage(join(repos, tool), tool, box.log);
    const catalog = await catalogOf(box);

    const started = performance.now();
    // The deadline is long enough for four fake probes on a busy machine: the assertions below
    // are about order (the fast ones end before the hang is killed), not about speed.
    const probed = await probeHealth(catalog, { env: box.env(), cache: false, timeoutMs: 5000, concurrency: 2 });
    const elapsed = performance.now() - started;

    expect(states(probed)).toEqual({
      'aos-f1': ['ready', undefined],
      'aos-f2': ['ready', undefined],
      'aos-f3': ['ready', undefined],
      'aos-f4': ['ready', undefined],
      'aos-a-hang': ['error', 'timed out after 5000 ms'],
    });
    expect(elapsed).toBeGreaterThanOrEqual(5000);
    // The fast ones all ran through the other slot while the hang held one.
    const log = box.spawns();
    const hangStart = Number(log.find((line) => line.startsWith('aos-a-hang '))!.split(' ')[5]);
    const fastEnds = readFileSync(box.log, 'utf8')
      .split('\n')
      .filter((line) => / end /.test(line))
      .map((line) => Number(line.split(' ').at(-1)));
    expect(fastEnds).toHaveLength(4);
    for (const end of fastEnds) expect(end - hangStart).toBeLessThan(5000);
    // The child was killed, not left running.
    const pid = Number(log.find((line) => line.startsWith('aos-a-hang '))!.split(' ')[3]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('never runs more probes at once than the concurrency limit', async () => {
    const box = sandbox();
    const tools = ['aos-c1', 'aos-c2', 'aos-c3', 'aos-c4', 'aos-c5', 'aos-c6'];
    for (const tool of tools) {
      fakePackage(join(box.root, 'repos', tool), tool, box.log, {
        bin: { outputs: { health: { sleepMs: 300, json: healthEnvelope(tool, 'healthy') } } },
      });
    }
    const probed = await probeHealth(await catalogOf(box), { env: box.env(), cache: false, concurrency: 2 });
    expect(probed.connectors.every((c) => c.installState === 'ready')).toBe(true);

    const events = readFileSync(box.log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const parts = line.split(' ');
        return parts.includes('start') ? { at: Number(parts[5]), delta: 1 } : { at: Number(parts.at(-1)), delta: -1 };
      })
      .sort((a, b) => a.at - b.at || a.delta - b.delta);
    let running = 0;
    let most = 0;
    for (const event of events) most = Math.max(most, (running += event.delta));
    expect(most).toBe(2);
  });
});
