import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** Every TypeScript source under `dir` (tests, fixtures and build output left out). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      if (name === 'node_modules' || name === 'dist' || name === 'out-tsc') continue;
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.m?ts$/.test(name) && !/\.(test|spec)\.m?ts$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The module specifiers a file imports, static and dynamic (`import('x')`) and re-exports, as the
 * TypeScript compiler's own pre-processor reads them: comments and strings are never mistaken
 * for imports. Type-only imports count too: a type cycle is still a tangle of concepts.
 */
export function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((entry) => entry.fileName);
}

/** A relative specifier as the file it names (`./x.js` is `./x.ts` in sources), or undefined when outside the sources. */
export function resolveRelative(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.mjs$/, '.mts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => files.has(candidate));
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
