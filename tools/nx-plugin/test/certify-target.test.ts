import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodes } from '../src/index.js';

const root = mkdtempSync(join(tmpdir(), 'aos-nx-plugin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pkg(dir: string, json: object): void {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'package.json'), JSON.stringify(json));
  writeFileSync(join(root, dir, 'connector.json'), '{}');
}

describe('the inferred certify target', () => {
  it('is added to every connector package (connector.json and a bin), building it and the certifier first', async () => {
    pkg('packages/connector-acme', { name: 'aos-acme', bin: { 'aos-acme': './bin/aos-acme.js' } });
    pkg('packages/core/test/fixture', { name: 'aos-widgets-fixture', private: true });
    const [pattern, infer] = createNodes;
    expect(pattern).toBe('**/connector.json');
    const results = await infer(['packages/connector-acme/connector.json', 'packages/core/test/fixture/connector.json'], { targetName: 'certify' }, {
      workspaceRoot: root,
      nxJsonConfiguration: {},
    });
    const projects = Object.assign({}, ...results.map(([, result]) => result.projects ?? {}));
    expect(Object.keys(projects)).toEqual(['packages/connector-acme']);
    expect(projects['packages/connector-acme'].targets.certify).toMatchObject({
      command: 'aos-certify .',
      options: { cwd: '{projectRoot}' },
      dependsOn: ['build', '^build', 'test', { projects: ['@aos-connectors/certify'], target: 'build' }],
    });
  });
});
