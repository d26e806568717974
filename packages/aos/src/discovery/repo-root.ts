import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE_PACKAGE = '@aos-connectors/core';
let memo: string | null | undefined;

function isRepoRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'packages', 'core', 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === CORE_PACKAGE;
  } catch {
    return false;
  }
}

/** The nearest ancestor of `from` (itself included) holding this repository's `packages/core`. */
export function findRepoRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isRepoRoot(dir)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The checkout this module runs from: the nearest ancestor holding `packages/core` named
 * `@aos-connectors/core`. Installed from npm (`node_modules/@aos-connectors/core/dist/...`) no
 * ancestor qualifies, so an unrelated project's `packages/` is never mistaken for this repo's.
 */
export function defaultRepoRoot(): string | null {
  if (memo === undefined) memo = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  return memo;
}
