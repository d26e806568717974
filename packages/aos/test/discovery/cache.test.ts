import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConnectors, findConnector, HealthCache, probeHealth, type Catalog } from '../../src/discovery/index.js';
import { fakePackage, healthEnvelope, sandbox, type Sandbox } from './fake-connectors.js';

async function catalogOf(box: Sandbox): Promise<Catalog> {
  return discoverConnectors({ env: box.env({ ARGENT_CONNECTOR_REPOS: join(box.root, 'repos') }), repoRoot: null, globalModulesDir: null });
}

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('health cache', () => {
  it('a second probe within the TTL spawns nothing and reports the cached result', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    fakePackage(join(box.root, 'repos', 'b'), 'aos-b', box.log, { bin: { outputs: { health: { json: healthEnvelope('aos-b', 'needs_setup') } } } });
    const catalog = await catalogOf(box);
    const time = clock();
    const cache = new HealthCache({ ttlMs: 10_000, now: time.now });

    const first = await probeHealth(catalog, { env: box.env(), cache });
    expect(box.spawns()).toHaveLength(2);
    time.advance(9_999);
    const second = await probeHealth(catalog, { env: box.env(), cache });

    expect(box.spawns()).toHaveLength(2);
    expect(second.connectors.map((c) => [c.tool, c.installState, c.fromCache])).toEqual([
      ['aos-a', 'ready', true],
      ['aos-b', 'needs-setup', true],
    ]);
    expect(second.connectors.map((c) => c.probedAt)).toEqual(first.connectors.map((c) => c.probedAt));
    expect(second.connectors[1]!.health).toEqual(first.connectors[1]!.health);

    time.advance(1); // TTL reached
    await probeHealth(catalog, { env: box.env(), cache });
    expect(box.spawns()).toHaveLength(4);
  });

  it('persists to a JSON file, so a new process (a new cache on the same file) does not spawn', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log, { bin: { outputs: {}, requiresEnv: 'FAKE_TOKEN' } });
    const file = join(box.root, 'cache', 'health.json');
    const catalog = await catalogOf(box);
    const env = box.env({ FAKE_TOKEN: 'super-secret-value' });

    await probeHealth(catalog, { env, cache: new HealthCache({ file }) });
    const again = await probeHealth(catalog, { env, cache: new HealthCache({ file }) });

    expect(box.spawns()).toHaveLength(1);
    expect(again.connectors[0]).toMatchObject({ fromCache: true });
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, entries: expect.any(Object) });
    expect(text).not.toContain('super-secret-value'); // settings are fingerprinted, not stored
  });

  it('by default caches in memory and under $HOME/.argentos/cache', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    const catalog = await catalogOf(box);
    await probeHealth(catalog, { env: box.env() });
    const again = await probeHealth(catalog, { env: box.env() });
    expect(box.spawns()).toHaveLength(1);
    expect(again.connectors[0]!.fromCache).toBe(true);
    expect(existsSync(join(box.home, '.argentos', 'cache', 'health.json'))).toBe(true);
  });

  it('a rebuilt binary (new mtime) is probed afresh', async () => {
    const box = sandbox();
    const dir = fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    const cache = new HealthCache();
    await probeHealth(await catalogOf(box), { env: box.env(), cache });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'bin', 'aos-a.js'), later, later);
    const probed = await probeHealth(await catalogOf(box), { env: box.env(), cache });
    expect(box.spawns()).toHaveLength(2);
    expect(probed.connectors[0]!.fromCache).toBe(false);
  });

  it('setting a declared credential is seen at once, not after the TTL', async () => {
    const box = sandbox();
    // manifestFor() declares WIDGETS_TOKEN as the service key.
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log, {
      bin: { outputs: { health: { json: healthEnvelope('aos-a', 'healthy') } }, requiresEnv: 'WIDGETS_TOKEN' },
    });
    const catalog = await catalogOf(box);
    const cache = new HealthCache();
    const before = await probeHealth(catalog, { env: box.env(), cache });
    const after = await probeHealth(catalog, { env: box.env({ WIDGETS_TOKEN: 'x' }), cache });
    expect([before.connectors[0]!.installState, after.connectors[0]!.installState]).toEqual(['needs-setup', 'ready']);
    // An undeclared variable does not change the key.
    await probeHealth(catalog, { env: box.env({ WIDGETS_TOKEN: 'x', UNRELATED: '1' }), cache });
    expect(box.spawns()).toHaveLength(2);
  });

  it('answers are cached, garbage included; a timeout is not (it may be transient)', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'g'), 'aos-garbage', box.log, { bin: { outputs: { health: { text: 'nope' } } } });
    fakePackage(join(box.root, 'repos', 'h'), 'aos-hang', box.log, { bin: { outputs: { health: { hang: true } } } });
    const catalog = await catalogOf(box);
    const cache = new HealthCache();
    // The garbage answer gets a deadline no busy machine misses; only the hang is meant to time out.
    // Whether the hang was probed again is read from the results, not from its log: under load a
    // process killed at its deadline may not have started far enough to write a line.
    const garbage = [];
    const hang = [];
    for (let i = 0; i < 2; i++) {
      garbage.push((await probeHealth([findConnector(catalog, 'aos-garbage')!], { env: box.env(), cache, timeoutMs: 30_000 }))[0]!);
      hang.push((await probeHealth([findConnector(catalog, 'aos-hang')!], { env: box.env(), cache, timeoutMs: 300 }))[0]!);
    }
    expect(box.spawns('aos-garbage')).toHaveLength(1);
    expect(garbage.map((entry) => entry.fromCache)).toEqual([false, true]);
    expect(hang.map((entry) => entry.fromCache)).toEqual([false, false]);
  });

  it('refresh probes despite a fresh entry and replaces it', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    const catalog = await catalogOf(box);
    const cache = new HealthCache();
    await probeHealth(catalog, { env: box.env(), cache });
    const refreshed = await probeHealth(catalog, { env: box.env(), cache, refresh: true });
    const cached = await probeHealth(catalog, { env: box.env(), cache });
    expect(box.spawns()).toHaveLength(2);
    expect(refreshed.connectors[0]!.fromCache).toBe(false);
    expect(cached.connectors[0]!.probedAt).toBe(refreshed.connectors[0]!.probedAt);
  });

  it('a corrupt or foreign cache file is ignored and rewritten', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'a'), 'aos-a', box.log);
    const file = join(box.root, 'health.json');
    writeFileSync(file, '{"version":1,"entries":{"x":{"at":"soon","installState":"bogus"}');
    const probed = await probeHealth(await catalogOf(box), { env: box.env(), cache: new HealthCache({ file }) });
    expect(probed.connectors[0]!.installState).toBe('ready');
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries)).toHaveLength(1);

    writeFileSync(file, JSON.stringify({ version: 1, entries: { x: { at: Date.now(), installState: 'bogus' } } }));
    expect(await new HealthCache({ file }).get('x')).toBeUndefined();
  });

  it('two processes writing the same file keep each other\'s entries; expired ones are dropped', async () => {
    const box = sandbox();
    const file = join(box.root, 'health.json');
    const time = clock(Date.now());
    const one = new HealthCache({ file, now: time.now, ttlMs: 1000 });
    const two = new HealthCache({ file, now: time.now, ttlMs: 1000 });
    one.set('old', { at: time.now() - 5000, installState: 'ready' });
    one.set('a', { at: time.now(), installState: 'ready' });
    await one.flush();
    await two.get('nothing'); // loads the file as it was
    two.set('b', { at: time.now(), installState: 'needs-setup' });
    await two.flush();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries).sort()).toEqual(['a', 'b']);
  });
});
