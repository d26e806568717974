import { lstat, open, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConflictError } from '@aos-connectors/contract';
import { sleep } from './backoff.js';
import { errorCode, fsyncDir } from './durable-fs.js';
import { readRegularFile } from './safe-fs.js';

/** Locks this process holds: its own pid in a lock file is a live rival only if listed here. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Ensures one gateway per instance: two would send each outbox file twice. The lock file holds
 * the owner's pid; a lock whose process is gone (killed, crashed) is taken over. Returns the
 * release function.
 */
export async function acquireInstanceLock(path: string, instance: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    if (held.has(path)) throw running(path, instance, process.pid);
    const handle = await open(path, 'wx').catch((error: unknown) => {
      if (errorCode(error) === 'EEXIST') return undefined;
      throw error;
    });
    if (handle) return writeOwner(path, handle);

    // Read only as a small regular file: a FIFO or link in its place must not hang us.
    const read = await readRegularFile(path, 64).catch(() => undefined);
    const owner = Number.parseInt(read?.kind === 'file' ? read.text : '', 10);
    if (!Number.isInteger(owner)) {
      // Empty: either a crash interrupted taking it, or a rival is writing its pid right now.
      const age = await lstat(path).then((s) => Date.now() - s.mtimeMs, () => Infinity);
      if (age < 1000) {
        await sleep(250);
        continue;
      }
    } else if (owner > 0 && isAlive(owner)) {
      throw running(path, instance, owner);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new ConflictError(`Could not take the gateway lock for instance "${instance}"`, { details: { instance, lock_file: path } });
}

async function writeOwner(path: string, handle: FileHandle): Promise<() => Promise<void>> {
  held.add(path); // at once: a rival in this process must not read our pid as a stale one
  try {
    await handle.writeFile(`${process.pid}\n`);
    await handle.sync();
  } catch (error) {
    held.delete(path);
    await unlink(path).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
  await fsyncDir(dirname(path));
  return async () => {
    held.delete(path);
    await unlink(path).catch(() => undefined);
  };
}

function running(path: string, instance: string, pid: number): ConflictError {
  return new ConflictError(`A gateway for instance "${instance}" is already running (pid ${pid})`, {
    details: { instance, pid, lock_file: path },
    hint: 'Stop it first, or pick another --name.',
  });
}
