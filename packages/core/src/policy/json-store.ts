import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { ConfigError } from '@aos-connectors/contract';
import { stateError, withFileLock } from './file-lock.js';

/**
 * A read-modify-write of one small JSON state file under its lock. `change` gets the current
 * value (or `empty` when the file does not exist) and returns the result plus the value to
 * store (`undefined` leaves the file untouched). The write is atomic: temporary file + rename.
 */
export async function updateJsonFile<S, R>(
  path: string,
  empty: () => S,
  change: (state: S) => { result: R; next?: S } | Promise<{ result: R; next?: S }>,
): Promise<R> {
  return withFileLock(path, async () => {
    const state = await readState(path, empty);
    const { result, next } = await change(state);
    if (next !== undefined) await writeAtomic(path, JSON.stringify(next));
    return result;
  });
}

async function readState<S>(path: string, empty: () => S): Promise<S> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw stateError(path, error);
  }
  try {
    return JSON.parse(text) as S;
  } catch (error) {
    // Writes are atomic, so this is outside interference; guessing could repeat a write.
    throw new ConfigError(`The state file ${path} is not valid JSON`, {
      cause: error,
      details: { path },
      hint: 'Delete the file to reset this state.',
    });
  }
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw stateError(path, error);
  }
}
