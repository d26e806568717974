import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readJson, workspaceRoot, type Tree } from '@nx/devkit';
import type { ConnectorDefinition } from '@aos-connectors/core';
import { syncManifests } from '@aos-connectors/build';
import { describe, expect, it } from 'vitest';
import connectorGenerator from '../src/generators/connector/generator.js';
import { readWorkspaceFile, workspaceTree } from './workspace-tree.js';

const ROOT = 'packages/connector-acme';

function files(tree: Tree, dir: string, prefix = ''): string[] {
  return tree.children(dir).flatMap((child) => (tree.isFile(join(dir, child)) ? [`${prefix}${child}`] : files(tree, join(dir, child), `${prefix}${child}/`))).sort();
}

/** Writes the generated package to a scratch dir in the workspace and imports its definition. */
async function loadGenerated(tree: Tree, root: string): Promise<{ definition: ConnectorDefinition; dir: string }> {
  mkdirSync(join(workspaceRoot, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(workspaceRoot, 'tmp', 'generator-test-'));
  for (const file of files(tree, root)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), tree.read(join(root, file))!);
  }
  const module = (await import(pathToFileURL(join(dir, 'src/connector.ts')).href)) as { default: ConnectorDefinition };
  return { definition: module.default, dir };
}

describe('nx g connector acme', () => {
  it('creates packages/connector-acme with the layout of connector-github', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'acme', skipInstall: true });
    expect(files(tree, ROOT)).toEqual([
      'README.md', 'bin/aos-acme.js', 'connector.json', 'package.json', 'permissions.json',
      'src/commands/item.ts', 'src/connector.ts', 'src/http-profile.ts', 'src/index.ts',
      'test/conformance.test.ts', 'test/fixtures.ts', 'test/item.test.ts',
      'tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json', 'vitest.config.ts',
    ]);
    const github = JSON.parse(readWorkspaceFile('packages/connector-github/package.json'));
    const acme = readJson(tree, `${ROOT}/package.json`);
    expect(acme).toMatchObject({ name: 'aos-acme', version: '0.1.0', type: 'module', bin: { 'aos-acme': './bin/aos-acme.js' } });
    for (const key of ['engines', 'dependencies', 'files', 'exports', 'license', 'scripts']) expect(acme[key], key).toEqual(github[key]);
    for (const target of ['sync-manifests', 'build', 'test']) expect(acme.nx.targets[target], target).toEqual(github.nx.targets[target]);
    expect(tree.read(`${ROOT}/bin/aos-acme.js`, 'utf8')).toBe(readWorkspaceFile('packages/connector-github/bin/aos-github.js'));
    for (const file of ['tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json']) {
      const [mine, theirs] = [readJson(tree, `${ROOT}/${file}`), JSON.parse(readWorkspaceFile(`packages/connector-github/${file}`))];
      for (const key of ['extends', 'compilerOptions', 'include', 'files']) expect(mine[key], `${file} ${key}`).toEqual(theirs[key]);
      expect(theirs.references, file).toEqual(expect.arrayContaining(mine.references));
    }
    expect(tree.read(`${ROOT}/vitest.config.ts`, 'utf8')).toBe(readWorkspaceFile('packages/connector-github/vitest.config.ts'));
  });

  it('writes connector.json, permissions.json and the README sections byte for byte as aos-connector sync would', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'acme', skipInstall: true });
    const { definition, dir } = await loadGenerated(tree, ROOT);
    try {
      // syncManifests is what `aos-connector sync` runs; in check mode it only compares.
      expect(syncManifests(definition, true).map(({ changed }) => changed)).toEqual([false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const readme = tree.read(`${ROOT}/README.md`, 'utf8')!;
    for (const section of ['Install', 'Setup', 'Commands', 'Output', 'Exit codes', 'Permissions', 'Known limitations']) expect(readme).toContain(`\n## ${section}\n`);
    for (const marker of ['setup', 'commands', 'exit-codes', 'permissions']) expect(readme).toMatch(new RegExp(`<!-- aos:${marker} -->\\n[^]+?\\n<!-- /aos:${marker} -->`));
    expect(readJson(tree, `${ROOT}/permissions.json`).commands).toMatchObject({ 'item.list': 'readonly', 'item.create': 'write' });
  });

  it('declares a Link-paginated read and a gated write with msw, runCli and conformance tests', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'acme', skipInstall: true });
    const manifest = readJson(tree, `${ROOT}/connector.json`);
    expect(manifest.commands.map((c: { id: string; required_mode: string; action_class: string }) => [c.id, c.required_mode, c.action_class])).toEqual([
      ['item.list', 'readonly', 'read'],
      ['item.create', 'write', 'write'],
    ]);
    expect(tree.read(`${ROOT}/src/commands/item.ts`, 'utf8')).toContain("linkPage<Item>(http, '/items', { q }, page)");
    const tests = tree.read(`${ROOT}/test/item.test.ts`, 'utf8')!;
    expect(tests).toContain('useMockApi(');
    expect(tests).toContain('runCli(acme,');
    expect(tree.read(`${ROOT}/test/conformance.test.ts`, 'utf8')).toContain("conformanceSuite(acme, {\n  samples: {\n    'item.create': ['--name', 'Sample item'],");
  });

  it('takes the label, category, auth kind and service keys', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'my-crm', label: "Bob's CRM", category: 'crm', authKind: 'basic', serviceKeys: 'MY_CRM_USER, MY_CRM_PASSWORD', skipInstall: true });
    const root = 'packages/connector-my-crm';
    const manifest = readJson(tree, `${root}/connector.json`);
    expect(manifest).toMatchObject({
      tool: 'aos-my-crm',
      backend: 'my-crm-api',
      connector: { label: "Bob's CRM", category: 'crm', categories: ['crm'] },
      auth: { kind: 'basic', required: true, service_keys: ['MY_CRM_USER', 'MY_CRM_PASSWORD'], config_keys: ['MY_CRM_API_URL'] },
    });
    expect(tree.read(`${root}/src/connector.ts`, 'utf8')).toContain("export const myCrm = defineConnector({");
    expect(tree.read(`${root}/src/connector.ts`, 'utf8')).toContain("label: 'Bob\\'s CRM',");
    expect(tree.read(`${root}/test/item.test.ts`, 'utf8')).toContain("const credentials = { MY_CRM_USER: 'test-my-crm-user', MY_CRM_PASSWORD: 'test-my-crm-password' };");
    const { definition, dir } = await loadGenerated(tree, root);
    rmSync(dir, { recursive: true, force: true });
    expect(definition.secrets.map((s) => s.description)).toEqual(["Bob's CRM user", "Bob's CRM password"]);
  });

  it('makes a connector without secrets for --auth-kind none', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'weather', authKind: 'none', skipInstall: true });
    const manifest = readJson(tree, 'packages/connector-weather/connector.json');
    expect(manifest.auth).toEqual({
      kind: 'none', required: false, service_keys: [], config_keys: ['WEATHER_API_URL'],
      interactive_setup: ['No credentials are needed. Set WEATHER_API_URL to use another Weather server.'],
    });
    const source = tree.read('packages/connector-weather/src/http-profile.ts', 'utf8')!;
    expect(source).not.toContain('auth:');
    expect(tree.read('packages/connector-weather/test/item.test.ts', 'utf8')).not.toContain('needs_setup');
  });

  it('links a workspace package into the root solution and installs it; a scratch directory neither', async () => {
    const tree = workspaceTree();
    const install = await connectorGenerator(tree, { name: 'acme' });
    expect(readJson(tree, 'tsconfig.json').references).toEqual([{ path: './packages/core' }, { path: './packages/connector-acme' }]);
    expect(install).toBeTypeOf('function');
    expect(await connectorGenerator(tree, { name: 'acme2', skipInstall: true })).toBeUndefined();

    const scratch = workspaceTree();
    expect(await connectorGenerator(scratch, { name: 'acme', directory: 'tmp/e2e/connector-acme' })).toBeUndefined();
    expect(readJson(scratch, 'tsconfig.json').references).toEqual([{ path: './packages/core' }]);
    expect(readJson(scratch, 'tmp/e2e/connector-acme/tsconfig.lib.json').references).toEqual([{ path: '../../../packages/core/tsconfig.lib.json' }]);
    expect(scratch.read('tmp/e2e/connector-acme/vitest.config.ts', 'utf8')).toContain("from '../../../vitest.shared.js'");
  });
});

describe('nx g connector refuses', () => {
  const refuse = async (schema: Parameters<typeof connectorGenerator>[1], message: RegExp, tree = workspaceTree()) => {
    await expect(connectorGenerator(tree, { skipInstall: true, ...schema })).rejects.toThrow(message);
  };

  it.each([
    ['Acme', /has uppercase letters.*try "acme"/],
    ['my crm', /contains spaces; join words with "-" \(e\.g\. my-crm\)/],
    ['2fa', /starts with a digit/],
    ['aos-acme', /already starts with "aos-"; pass "acme"/],
    ['acme_crm', /lowercase letters and digits, words joined by single "-"/],
    ['acme--crm', /words joined by single "-"/],
    ['core', /is reserved/],
    ['delete', /is reserved/],
    ['', /name is required/],
  ])('the name %j', async (name, message) => refuse({ name }, message));

  it('a package that already exists', async () => {
    const tree = workspaceTree();
    await connectorGenerator(tree, { name: 'acme', skipInstall: true });
    await refuse({ name: 'acme' }, /packages\/connector-acme already exists/, tree);
    tree.write('tools/other/package.json', JSON.stringify({ name: 'aos-beta' }));
    await refuse({ name: 'beta' }, /A package named "aos-beta" already exists at tools\/other/, tree);
  });

  it('bad options', async () => {
    await refuse({ name: 'acme', serviceKeys: 'acme-key' }, /Service key "acme-key" must be an env var name/);
    await refuse({ name: 'acme', serviceKeys: 'A_KEY,A_KEY' }, /"A_KEY" is listed twice/);
    await refuse({ name: 'acme', serviceKeys: 'ACME_API_URL' }, /is the base-URL setting/);
    await refuse({ name: 'acme', authKind: 'none', serviceKeys: 'ACME_KEY' }, /cannot be used with --auth-kind none/);
    await refuse({ name: 'acme', authKind: 'password' }, /--auth-kind "password" is not one of none, service-key, oauth, basic, bot-token/);
    await refuse({ name: 'acme', category: 'Dev Tools' }, /--category "Dev Tools" must be lowercase words/);
    await refuse({ name: 'acme', directory: '../outside' }, /must be a path inside the workspace/);
  });
});
