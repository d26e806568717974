import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConnectors, findConnector } from '../../src/discovery/index.js';
import { fakePackage, fakePathExecutable, link, sandbox } from './fake-connectors.js';

describe('precedence between sources', () => {
  it('the same tool in every source: ARGENT_CONNECTOR_REPOS wins, the rest are shadowed in source order', async () => {
    const box = sandbox();
    const repos = fakePackage(join(box.root, 'repos', 'aos-dup'), 'aos-dup', box.log, { version: '5.0.0' });
    const user = fakePackage(join(box.home, '.argentos', 'connectors', 'aos-dup'), 'aos-dup', box.log, { version: '4.0.0' });
    const repository = fakePackage(join(box.root, 'repo', 'packages', 'connector-dup'), 'aos-dup', box.log, { version: '3.0.0' });
    const onPath = fakePathExecutable(join(box.root, 'bin'), 'aos-dup', box.log, {});
    const modules = join(box.root, 'prefix', 'lib', 'node_modules');
    const global = fakePackage(join(modules, 'aos-dup'), 'aos-dup', box.log, { version: '1.0.0' });

    const catalog = await discoverConnectors({
      env: box.env({ ARGENT_CONNECTOR_REPOS: join(box.root, 'repos') }, [join(box.root, 'bin')]),
      repoRoot: join(box.root, 'repo'),
      globalModulesDir: modules,
    });

    expect(catalog.connectors).toHaveLength(1);
    expect(catalog.connectors[0]).toMatchObject({ tool: 'aos-dup', source: 'connector-repos', dir: repos, version: '5.0.0' });
    expect(catalog.shadowed).toEqual([
      { tool: 'aos-dup', source: 'user', dir: user, binPath: join(user, 'bin', 'aos-dup.js'), shadowedBy: 'connector-repos' },
      { tool: 'aos-dup', source: 'repository', dir: repository, binPath: join(repository, 'bin', 'aos-dup.js'), shadowedBy: 'connector-repos' },
      { tool: 'aos-dup', source: 'path', dir: null, binPath: onPath, shadowedBy: 'connector-repos' },
      { tool: 'aos-dup', source: 'npm-global', dir: global, binPath: join(global, 'bin', 'aos-dup.js'), shadowedBy: 'connector-repos' },
    ]);
  });

  it('each pair in order: user over repository, repository over PATH, PATH over npm global', async () => {
    const box = sandbox();
    fakePackage(join(box.home, '.argentos', 'connectors', 'one'), 'aos-one', box.log);
    fakePackage(join(box.root, 'repo', 'packages', 'one'), 'aos-one', box.log);
    fakePackage(join(box.root, 'repo', 'packages', 'two'), 'aos-two', box.log);
    fakePathExecutable(join(box.root, 'bin'), 'aos-two', box.log, {});
    fakePathExecutable(join(box.root, 'bin'), 'aos-three', box.log, {});
    const modules = join(box.root, 'g');
    fakePackage(join(modules, 'aos-three'), 'aos-three', box.log);

    const catalog = await discoverConnectors({
      env: box.env({}, [join(box.root, 'bin')]),
      repoRoot: join(box.root, 'repo'),
      globalModulesDir: modules,
    });

    expect(catalog.connectors.map((c) => [c.tool, c.source])).toEqual([
      ['aos-one', 'user'],
      ['aos-three', 'path'],
      ['aos-two', 'repository'],
    ]);
    expect(catalog.shadowed.map((s) => [s.tool, s.source, s.shadowedBy])).toEqual([
      ['aos-one', 'repository', 'user'],
      ['aos-two', 'path', 'repository'],
      ['aos-three', 'npm-global', 'path'],
    ]);
  });

  it('earlier PATH directories win over later ones, as in a shell', async () => {
    const box = sandbox();
    const first = fakePathExecutable(join(box.root, 'bin1'), 'aos-twice', box.log, {});
    const second = fakePathExecutable(join(box.root, 'bin2'), 'aos-twice', box.log, {});
    const catalog = await discoverConnectors({
      env: box.env({}, [join(box.root, 'bin1'), join(box.root, 'bin2')]),
      repoRoot: null,
      globalModulesDir: null,
    });
    expect(catalog.connectors.map((c) => c.binPath)).toEqual([first]);
    expect(catalog.shadowed).toMatchObject([{ binPath: second, source: 'path', shadowedBy: 'path' }]);
  });

  it('a global package reached through its PATH symlink and through node_modules is one install, not a shadow', async () => {
    const box = sandbox();
    const modules = join(box.root, 'prefix', 'lib', 'node_modules');
    const pkg = fakePackage(join(modules, 'aos-global'), 'aos-global', box.log);
    link(join(pkg, 'bin', 'aos-global.js'), join(box.root, 'prefix', 'bin', 'aos-global'));

    const catalog = await discoverConnectors({
      env: box.env({}, [join(box.root, 'prefix', 'bin')]),
      repoRoot: null,
      globalModulesDir: modules,
    });

    expect(catalog.connectors).toMatchObject([{ tool: 'aos-global', source: 'path', dir: pkg, manifest: { tool: 'aos-global' } }]);
    expect(catalog.shadowed).toEqual([]);
  });

  it('a repo checkout without a built binary borrows the binary installed on PATH instead of being repo-only', async () => {
    const box = sandbox();
    const checkout = fakePackage(join(box.root, 'repos', 'aos-py'), 'aos-py', box.log, { layout: 'none' });
    const installed = fakePathExecutable(join(box.root, 'bin'), 'aos-py', box.log, {});

    const catalog = await discoverConnectors({
      env: box.env({ ARGENT_CONNECTOR_REPOS: join(box.root, 'repos') }, [join(box.root, 'bin')]),
      repoRoot: null,
      globalModulesDir: null,
    });

    expect(findConnector(catalog, 'aos-py')).toMatchObject({
      source: 'connector-repos',
      dir: checkout,
      manifest: { tool: 'aos-py' },
      binPath: installed,
      binSource: 'path',
      installState: 'needs-setup',
    });
    expect(catalog.shadowed).toMatchObject([{ source: 'path', shadowedBy: 'connector-repos' }]);
  });

  it('a connector with an invalid manifest still takes its place: it shadows later ones and shows the error', async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repos', 'bad'), 'aos-x', box.log, { manifest: { tool: 'aos-x' } });
    fakePackage(join(box.home, '.argentos', 'connectors', 'good'), 'aos-x', box.log);
    const catalog = await discoverConnectors({
      env: box.env({ ARGENT_CONNECTOR_REPOS: join(box.root, 'repos') }),
      repoRoot: null,
      globalModulesDir: null,
    });
    expect(catalog.connectors).toMatchObject([{ tool: 'aos-x', source: 'connector-repos', installState: 'error', manifest: null }]);
    expect(catalog.shadowed).toMatchObject([{ source: 'user' }]);
  });
});
