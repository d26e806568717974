import { randomBytes } from 'node:crypto';
import { copyFile, lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * File operations that survive a crash or power loss at any instruction: data is fsynced before
 * it becomes visible under its final name, and the directory is fsynced after each name change.
 */

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Makes the last name changes in `dir` durable (a no-op where directories cannot be fsynced). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Creates `path` (which must not exist) holding `data`, flushed to disk. */
export async function writeNewFile(path: string, data: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A temporary name in the same directory (so the final rename is atomic); dot-prefixed so readers skip it. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Replaces `path` atomically: readers see the old content or the new, never a mix. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeNewFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** Creates an empty marker file; false when it already exists (O_EXCL makes this the atomic test-and-set). */
export async function createMarker(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.close();
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  await fsyncDir(dirname(path));
  return true;
}

/** Deletes a file durably; false when it was already gone. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await unlink(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  await fsyncDir(dirname(path));
  return true;
}

/** Moves a file durably, copying when the target is on another file system. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (errorCode(error) !== 'EXDEV') throw error;
    // Across file systems only a regular file is copied; a link is never copied through.
    if (!(await lstat(from)).isFile()) throw error;
    const temp = tempPathFor(to);
    await copyFile(from, temp);
    const handle = await open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(temp, to);
    await fsyncDir(dirname(to));
    await unlink(from);
  }
  await fsyncDir(dirname(to));
  await fsyncDir(dirname(from));
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
