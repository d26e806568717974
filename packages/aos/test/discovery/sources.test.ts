import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverConnectors, findConnector, findRepoRoot, globalNodeModules, UNPROBED_REASON } from '../../src/discovery/index.js';
import { fakePackage, fakePathExecutable, link, manifestFor, sandbox, writeExecutable } from './fake-connectors.js';

const isolated = { repoRoot: null, globalModulesDir: null } as const;

describe('discovery sources', () => {
  it('ARGENT_CONNECTOR_REPOS: comma-separated dirs, each a package itself or a folder of packages', async () => {
    const box = sandbox();
    const folder = join(box.root, 'repos');
    fakePackage(join(folder, 'aos-alpha'), 'aos-alpha', box.log);
    fakePackage(join(folder, 'beta-dir'), 'aos-beta', box.log);
    mkdirSync(join(folder, 'not-a-connector'));
    writeFileSync(join(folder, 'README.md'), 'hello');
    const single = fakePackage(join(box.root, 'single'), 'aos-gamma', box.log);
    const env = box.env({ ARGENT_CONNECTOR_REPOS: ` ${folder} ,,${single},${join(box.root, 'missing')}` });

    const catalog = await discoverConnectors({ env, ...isolated });

    expect(catalog.connectors.map((c) => [c.tool, c.source, c.dir])).toEqual([
      ['aos-alpha', 'connector-repos', join(folder, 'aos-alpha')],
      ['aos-beta', 'connector-repos', join(folder, 'beta-dir')],
      ['aos-gamma', 'connector-repos', single],
    ]);
    expect(catalog.searched.filter((s) => s.source === 'connector-repos')).toEqual([
      { source: 'connector-repos', dir: folder, exists: true },
      { source: 'connector-repos', dir: single, exists: true },
      { source: 'connector-repos', dir: join(box.root, 'missing'), exists: false },
    ]);
    expect(box.spawns()).toEqual([]); // discovery never runs a connector
  });

  it('ARGENT_CONNECTOR_REPOS expands ~ against HOME', async () => {
    const box = sandbox();
    fakePackage(join(box.home, 'work', 'aos-tilde'), 'aos-tilde', box.log);
    const catalog = await discoverConnectors({ env: box.env({ ARGENT_CONNECTOR_REPOS: '~/work' }), ...isolated });
    expect(findConnector(catalog, 'aos-tilde')?.dir).toBe(join(box.home, 'work', 'aos-tilde'));
  });

  it('user connectors come from $HOME/.argentos/connectors', async () => {
    const box = sandbox();
    fakePackage(join(box.home, '.argentos', 'connectors', 'aos-mine'), 'aos-mine', box.log);
    const catalog = await discoverConnectors({ env: box.env(), ...isolated });
    expect(catalog.connectors).toMatchObject([{ tool: 'aos-mine', source: 'user', installState: 'needs-setup', reason: UNPROBED_REASON }]);
    expect(catalog.connectors[0]).not.toHaveProperty('probedAt');
  });

  it("the repository's packages/ is searched when a repo root is given", async () => {
    const box = sandbox();
    fakePackage(join(box.root, 'repo', 'packages', 'connector-widgets'), 'aos-widgets', box.log);
    mkdirSync(join(box.root, 'repo', 'packages', 'core'));
    const catalog = await discoverConnectors({ env: box.env(), repoRoot: join(box.root, 'repo'), globalModulesDir: null });
    expect(catalog.connectors).toMatchObject([
      { tool: 'aos-widgets', source: 'repository', dir: join(box.root, 'repo', 'packages', 'connector-widgets') },
    ]);
  });

  it('the default repo root is this checkout, found by walking up from the module', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const checkout = resolve(here, '..', '..', '..', '..');
    expect(findRepoRoot(here)).toBe(checkout);
    expect(findRepoRoot(resolve(checkout, '..'))).toBeNull();
  });

  it('PATH: a bare aos-* executable is listed without a manifest and without running it', async () => {
    const box = sandbox();
    const binDir = join(box.root, 'bin');
    fakePathExecutable(binDir, 'aos-bare', box.log, {});
    writeFileSync(join(binDir, 'aos-notexec'), '#!/bin/sh\n'); // no exec bit
    writeExecutable(join(binDir, 'other-tool'), '#!/bin/sh\n');
    writeExecutable(join(binDir, 'aos-Bad_Name'), '#!/bin/sh\n');
    mkdirSync(join(binDir, 'aos-dir'));
    link(join(box.root, 'nowhere'), join(binDir, 'aos-dangling'));

    const catalog = await discoverConnectors({ env: box.env({}, [binDir, 'relative/bin']), ...isolated });

    expect(catalog.connectors).toEqual([
      expect.objectContaining({
        tool: 'aos-bare',
        source: 'path',
        dir: null,
        manifest: null,
        binPath: join(binDir, 'aos-bare'),
        installState: 'needs-setup',
      }),
    ]);
    expect(catalog.searched.some((s) => s.dir === 'relative/bin')).toBe(false);
    expect(box.spawns()).toEqual([]);
  });

  it("PATH: a symlink into a connector package takes that package's manifest and runs the real file", async () => {
    const box = sandbox();
    const pkg = fakePackage(join(box.root, 'lib', 'aos-linked'), 'aos-linked', box.log);
    link(join(pkg, 'bin', 'aos-linked.js'), join(box.root, 'bin', 'aos-linked'));
    const catalog = await discoverConnectors({ env: box.env({}, [join(box.root, 'bin')]), ...isolated });
    expect(catalog.connectors).toMatchObject([
      { tool: 'aos-linked', source: 'path', dir: pkg, manifest: { tool: 'aos-linked' }, binPath: join(pkg, 'bin', 'aos-linked.js') },
    ]);
  });

  it('PATH: an aos-* bin of a package without connector.json is not a connector (the core\'s aos-connector)', async () => {
    const box = sandbox();
    const tool = writeExecutable(join(box.root, 'lib', 'core', 'dist', 'tools', 'aos-connector.js'), '#!/usr/bin/env node\n');
    writeFileSync(join(box.root, 'lib', 'core', 'package.json'), '{"name":"@aos-connectors/core"}');
    link(tool, join(box.root, 'bin', 'aos-connector'));
    const catalog = await discoverConnectors({ env: box.env({}, [join(box.root, 'bin')]), ...isolated });
    expect(catalog.connectors).toEqual([]);
  });

  it('npm global: aos-* and @scope/aos-* packages with connector.json in the global node_modules', async () => {
    const box = sandbox();
    const modules = join(box.root, 'prefix', 'lib', 'node_modules');
    fakePackage(join(modules, 'aos-global'), 'aos-global', box.log);
    fakePackage(join(modules, '@acme', 'aos-scoped'), 'aos-scoped', box.log);
    fakePackage(join(modules, 'left-pad'), 'aos-leftpad', box.log); // not named like a connector: not scanned
    mkdirSync(join(modules, 'aos-nomanifest'));
    const catalog = await discoverConnectors({ env: box.env(), repoRoot: null, globalModulesDir: modules });
    expect(catalog.connectors.map((c) => [c.tool, c.source, c.dir])).toEqual([
      ['aos-global', 'npm-global', join(modules, 'aos-global')],
      ['aos-scoped', 'npm-global', join(modules, '@acme', 'aos-scoped')],
    ]);
  });

  it('npm global: the dir comes from npm env vars, else from the node binary prefix, without spawning npm', () => {
    expect(globalNodeModules({ npm_config_prefix: '/opt/npm' }, '/usr/bin/node', 'linux')).toBe('/opt/npm/lib/node_modules');
    expect(globalNodeModules({ npm_config_global_prefix: '/g', npm_config_prefix: '/p' }, '/x/bin/node', 'linux')).toBe(
      '/g/lib/node_modules',
    );
    expect(globalNodeModules({}, '/home/me/.nvm/versions/node/v24/bin/node', 'linux')).toBe(
      '/home/me/.nvm/versions/node/v24/lib/node_modules',
    );
    expect(globalNodeModules({}, 'C:\\nodejs\\node.exe', 'win32')).toBe('C:\\nodejs\\node_modules');
  });

  it('npm global: derived from the environment by default', async () => {
    const box = sandbox();
    const prefix = join(box.root, 'prefix');
    fakePackage(join(prefix, 'lib', 'node_modules', 'aos-viaenv'), 'aos-viaenv', box.log);
    const catalog = await discoverConnectors({ env: box.env({ npm_config_prefix: prefix }), repoRoot: null });
    expect(findConnector(catalog, 'aos-viaenv')?.source).toBe('npm-global');
  });
});

describe('discovery of one package', () => {
  it('finds the bin from package.json bin, from bin/<tool>.js, or reports repo-only', async () => {
    const box = sandbox();
    const repos = join(box.root, 'repos');
    fakePackage(join(repos, 'a'), 'aos-pkgbin', box.log, { layout: 'package-bin' });
    fakePackage(join(repos, 'b'), 'aos-bindir', box.log, { layout: 'bin-dir' });
    fakePackage(join(repos, 'c'), 'aos-unbuilt', box.log, { layout: 'unbuilt' });
    fakePackage(join(repos, 'd'), 'aos-nobin', box.log, { layout: 'none' });
    const shell = fakePackage(join(repos, 'e'), 'aos-shell', box.log, { layout: 'none' });
    writeExecutable(join(shell, 'bin', 'aos-shell'), '#!/bin/sh\n');
    chmodSync(join(shell, 'bin', 'aos-shell'), 0o644); // neither executable nor JavaScript

    const catalog = await discoverConnectors({ env: box.env({ ARGENT_CONNECTOR_REPOS: repos }), ...isolated });
    const view = Object.fromEntries(catalog.connectors.map((c) => [c.tool, [c.installState, c.binPath && c.binPath.slice(repos.length)]]));
    expect(view).toEqual({
      'aos-pkgbin': ['needs-setup', '/a/dist/cli.js'],
      'aos-bindir': ['needs-setup', '/b/bin/aos-bindir.js'],
      'aos-unbuilt': ['repo-only', null],
      'aos-nobin': ['repo-only', null],
      'aos-shell': ['repo-only', null],
    });
    expect(findConnector(catalog, 'aos-unbuilt')).toMatchObject({
      version: '1.0.0',
      manifest: { tool: 'aos-unbuilt' },
      reason: expect.stringContaining('no runnable binary'),
    });
  });

  it('an invalid or unparsable connector.json makes an error entry with the reason, named by its tool field', async () => {
    const box = sandbox();
    const repos = join(box.root, 'repos');
    const invalid = manifestFor('aos-invalid');
    delete invalid.backend;
    invalid.commands[0].risk_tier = 9;
    fakePackage(join(repos, 'a'), 'aos-invalid', box.log, { manifest: invalid });
    fakePackage(join(repos, 'b'), 'aos-broken', box.log, { manifestText: '{ "tool": "aos-broken", ' });

    const catalog = await discoverConnectors({ env: box.env({ ARGENT_CONNECTOR_REPOS: repos }), ...isolated });

    expect(findConnector(catalog, 'aos-invalid')).toMatchObject({
      installState: 'error',
      manifest: null,
      binPath: join(repos, 'a', 'bin', 'aos-invalid.js'),
      reason: expect.stringMatching(/^connector\.json is invalid: backend: .*; commands\.0\.risk_tier: /),
    });
    // Unparsable: the tool name falls back to package.json's name.
    expect(findConnector(catalog, 'aos-broken')).toMatchObject({
      installState: 'error',
      reason: expect.stringMatching(/^connector\.json is unreadable: not JSON/),
    });
  });
});
