import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { ConfigError } from '@aos-connectors/contract';
import { errorCode } from './durable-fs.js';

/**
 * The gateway does not trust the file system under `<home>`: anyone who can write the outbox
 * can also place a symbolic link, a FIFO, a device or a huge file there. Queue files are opened
 * only as regular files, without following links and without blocking, and read from the opened
 * descriptor; queue folders must be real directories, never links.
 */

/** The largest queue file the gateway reads (an outgoing message is text, not a payload). */
export const MAX_QUEUE_FILE_BYTES = 1024 * 1024;

const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0, O_NOCTTY = 0 } = constants;
/** Read-only, never through a link, never waiting on a FIFO or device, never a controlling terminal. */
const READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY;

export type EntryKind = 'symbolic link' | 'directory' | 'FIFO' | 'socket' | 'device' | 'special file';

export type SafeRead =
  | { kind: 'file'; text: string; stats: Stats }
  /** Vanished between listing and opening. */
  | { kind: 'gone' }
  /** Not a regular file: never opened for reading (or closed at once). */
  | { kind: 'special'; entry: EntryKind }
  | { kind: 'oversized'; size: number; stats: Stats };

export function entryKind(stats: Stats): EntryKind {
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  return 'special file';
}

/**
 * Reads `path` only if it is a regular file of at most `maxBytes`: lstat first (a device node is
 * never opened), then open with O_NOFOLLOW|O_NONBLOCK and fstat the descriptor (the entry may
 * have been swapped in between), then read from that descriptor, stopping past the cap (the
 * file may grow while it is read).
 */
export async function readRegularFile(path: string, maxBytes = MAX_QUEUE_FILE_BYTES): Promise<SafeRead> {
  let before: Stats;
  try {
    before = await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  if (!before.isFile()) return { kind: 'special', entry: entryKind(before) };

  let handle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { kind: 'gone' };
    // ELOOP (EMLINK on BSD): swapped for a link; ENXIO/EOPNOTSUPP: a socket or device.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'special', entry: 'symbolic link' };
    if (code === 'ENXIO' || code === 'EOPNOTSUPP' || code === 'ENODEV') return { kind: 'special', entry: 'special file' };
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { kind: 'special', entry: entryKind(stats) };
    if (stats.size > maxBytes) return { kind: 'oversized', size: stats.size, stats };
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // Cap plus one byte read: too big (it grew since fstat).
        if (length > maxBytes) return { kind: 'oversized', size: length, stats };
        const wider = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(wider, 0, 0, length);
        buffer = wider;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { kind: 'file', text: buffer.toString('utf8', 0, length), stats };
  } finally {
    await handle.close();
  }
}

/** Pseudo file systems a gateway home can never be in. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

function underSystemRoot(path: string): string | undefined {
  return SYSTEM_ROOTS.find((root) => path === root || path.startsWith(`${root}${sep}`));
}

function homeError(home: string, why: string): ConfigError {
  return new ConfigError(`--home ${home} ${why}`, {
    details: { home },
    hint: 'Pass a directory of your own (e.g. ~/.argentos) that holds messages/ and state/.',
  });
}

/**
 * Checks `--home`: it must be (or become) a directory, and neither it nor where it leads may be
 * under /proc, /sys or /dev. The home itself may be a link (a user's choice); what is under it
 * may not.
 */
export async function checkHome(home: string): Promise<void> {
  const root = resolve(home);
  if (underSystemRoot(root)) throw homeError(home, `is under ${underSystemRoot(root)}, not a place for message queues`);
  let stats: Stats | undefined;
  try {
    stats = await stat(root);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTDIR') throw homeError(home, 'is not a directory (a part of its path is a file)');
    if (code !== 'ENOENT') throw homeError(home, `cannot be read (${code ?? String(error)})`);
  }
  if (!stats) {
    try {
      await mkdir(root, { recursive: true });
      stats = await stat(root);
    } catch (error) {
      throw homeError(home, `cannot be created (${errorCode(error) ?? String(error)})`);
    }
  }
  if (!stats.isDirectory()) throw homeError(home, `is not a directory (it is a ${entryKind(stats)})`);
  const real = await realpath(root);
  if (underSystemRoot(real)) throw homeError(home, `leads to ${real}, under ${underSystemRoot(real)}, not a place for message queues`);
}

/**
 * Ensures `dir` is a real directory, creating it (its parent must already be checked). A link or
 * anything else in its place is a CONFIG_ERROR naming it: the gateway never follows it.
 */
export async function checkQueueDir(dir: string, create = true): Promise<void> {
  let stats: Stats;
  try {
    stats = await lstat(dir);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' || !create) throw error;
    await mkdir(dir).catch((mkdirError: unknown) => {
      if (errorCode(mkdirError) !== 'EEXIST') throw mkdirError;
    });
    stats = await lstat(dir);
  }
  if (stats.isSymbolicLink()) {
    throw new ConfigError(`The queue folder ${dir} is a symbolic link; the gateway does not follow links in its home`, {
      details: { path: dir },
      hint: 'Replace the link with a real directory (move the files into it).',
    });
  }
  if (!stats.isDirectory()) {
    throw new ConfigError(`The queue folder ${dir} is not a directory (it is a ${entryKind(stats)})`, {
      details: { path: dir },
      hint: 'Remove or rename it; the gateway creates the folder.',
    });
  }
}

/** Checks a chain of queue folders, outermost first. */
export async function checkQueueDirs(dirs: readonly string[], create = true): Promise<void> {
  for (const dir of dirs) await checkQueueDir(dir, create);
}
