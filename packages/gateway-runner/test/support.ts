import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAKE = fileURLToPath(new URL('./fixtures/fake-connector.js', import.meta.url));

/** A connectors.yml in a fresh directory; returns its path. */
export function writeConfig(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aos-gateway-'));
  const file = join(dir, 'connectors.yml');
  writeFileSync(file, yaml);
  return file;
}

export async function eventually<T>(check: () => T | false | undefined, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
