import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

/** Reads a JSON file next to the package root once per process. */
export function readPackageJson<T>(root: URL, file: string): T {
  const url = new URL(file, root.href.endsWith('/') ? root : new URL(`${root.href}/`));
  const key = url.href;
  if (!cache.has(key)) cache.set(key, JSON.parse(readFileSync(url, 'utf8')));
  return cache.get(key) as T;
}

export function packageVersion(root: URL): string {
  return readPackageJson<{ version: string }>(root, 'package.json').version;
}
