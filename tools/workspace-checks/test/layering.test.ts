import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileCycles, findCycles, packageCycles, readWorkspace } from '../src/index.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const workspace = readWorkspace(root);

/**
 * The layers of the framework's own packages, lowest first: a package may use only packages of
 * a lower layer. Connectors, tools and the gateway runner sit on top and may use any of them.
 */
const LAYER: Record<string, number> = {
  '@aos-connectors/contract': 0,
  '@aos-connectors/core': 1,
  '@aos-connectors/messaging': 2,
  '@aos-connectors/mcp': 2,
  '@aos-connectors/testing': 2,
  '@aos-connectors/build': 2,
  '@aos-connectors/host': 3,
};

describe('the checker', () => {
  it('finds a cycle of static imports (type-only included) and one through a dynamic import', () => {
    const cycles = fileCycles(fileURLToPath(new URL('./fixtures/cycle', import.meta.url)));
    expect(cycles).toEqual(expect.arrayContaining([['a.ts', 'b.ts'], ['c.ts', 'd.ts']]));
    expect(cycles.flat()).not.toContain('e.ts');
  });

  it('finds a self-import and longer cycles, and none in a tree', () => {
    expect(findCycles(new Map([['x', ['x']]]))).toEqual([['x']]);
    expect(findCycles(new Map([['p', ['q']], ['q', ['r']], ['r', ['p']], ['s', ['p']]]))).toEqual([['p', 'q', 'r']]);
    expect(findCycles(new Map([['p', ['q', 'r']], ['q', ['r']], ['r', []]]))).toEqual([]);
  });
});

describe('the workspace', () => {
  it('has every framework package', () => {
    expect(workspace.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(Object.keys(LAYER)));
  });

  it.each(workspace.map((pkg) => [pkg.name, pkg] as const))('%s has no import cycle among its source files', (_name, pkg) => {
    expect(fileCycles(join(pkg.dir, 'src'))).toEqual([]);
  });

  it('has no cycle among its packages', () => {
    expect(packageCycles(workspace)).toEqual([]);
  });

  it.each(workspace.map((pkg) => [pkg.name, pkg] as const))('%s declares every workspace package it imports', (_name, pkg) => {
    expect([...pkg.uses].filter((name) => !pkg.declared.has(name))).toEqual([]);
  });

  it('framework packages depend only downwards: contract ← core ← messaging, mcp, testing, build ← host', () => {
    const upward = workspace
      .filter((pkg) => pkg.name in LAYER)
      .flatMap((pkg) => [...pkg.uses].filter((used) => !(used in LAYER) || LAYER[used]! >= LAYER[pkg.name]!).map((used) => `${pkg.name} → ${used}`));
    expect(upward).toEqual([]);
  });
});
