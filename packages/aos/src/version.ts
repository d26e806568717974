import { readFileSync } from 'node:fs';

/** This package's version, from its package.json: one level up from src/ and dist/, two from a bundle chunk. */
function readVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === '@aos-connectors/host') return pkg.version;
    } catch {
      // not this level
    }
  }
  return '0.0.0';
}

export const AOS_VERSION = readVersion();
