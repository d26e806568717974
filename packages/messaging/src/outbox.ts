import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '@aos-connectors/contract';
import { ArrivalStamp, sortQueueFiles } from './arrival-names.js';
import { ensureDir, errorCode, writeFileAtomic } from './durable-fs.js';
import { outgoingMessageSchema, type OutgoingMessage, type OutgoingMessageInput } from './message.js';
import { queuePaths } from './queue-paths.js';
import { MAX_QUEUE_FILE_BYTES, readRegularFile } from './safe-fs.js';

export type OutboxRead =
  /** `explicitId`: the file named its `id` (rather than taking the file name). */
  | { kind: 'message'; message: OutgoingMessage; explicitId: boolean }
  /** The file vanished (the agent took it back) between listing and reading. */
  | { kind: 'gone' }
  /** Not yet parseable but written moments ago: probably still being written; look again later. */
  | { kind: 'unsettled' }
  | { kind: 'invalid'; error: UsageError };

/** The outbox's message files in arrival (name) order. */
export async function listOutbox(dir: string): Promise<string[]> {
  try {
    return sortQueueFiles(await readdir(dir));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Reads and validates one outbox file. A message's `id` defaults to its file name without
 * `.json`, so adapters can use it as an idempotency key.
 *
 * The file is opened only as a regular file, without following a link and without blocking
 * (see readRegularFile): a link, FIFO, socket, device, directory or a file over `maxBytes` is
 * invalid (it goes to failed/, never read through). An unparseable file whose mtime is within
 * `settleMs` of now is left alone: an agent that writes in place rather than by rename may be
 * paused mid-file. So is a file with another hard link that young (a writer linking it in).
 */
export async function readOutgoing(
  dir: string,
  file: string,
  settleMs: number,
  now = Date.now(),
  maxBytes = MAX_QUEUE_FILE_BYTES,
): Promise<OutboxRead> {
  const read = await readRegularFile(join(dir, file), maxBytes);
  if (read.kind === 'gone') return { kind: 'gone' };
  if (read.kind === 'special') {
    return {
      kind: 'invalid',
      error: new UsageError(`Outbox file ${file} is a ${read.entry}, not a regular file; it was not read`, { details: { file, entry: read.entry } }),
    };
  }
  // Within the grace period either way round: a future mtime farther off than that is no writer's.
  const young = Math.abs(now - read.stats.mtimeMs) < settleMs;
  if (read.kind === 'oversized') {
    return {
      kind: 'invalid',
      error: new UsageError(`Outbox file ${file} is larger than ${maxBytes} bytes; it was not sent`, { details: { file, size: read.size, max_bytes: maxBytes } }),
    };
  }
  if (read.stats.nlink > 1) {
    if (young) return { kind: 'unsettled' };
    return {
      kind: 'invalid',
      error: new UsageError(`Outbox file ${file} has other hard links; it was not sent`, { details: { file, links: read.stats.nlink } }),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    if (young) return { kind: 'unsettled' };
    return { kind: 'invalid', error: new UsageError(`Outbox file ${file} is not valid JSON`, { cause: error, details: { file } }) };
  }
  const parsed = outgoingMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    return { kind: 'invalid', error: new UsageError(`Outbox file ${file} is not an OutgoingMessage (${summary})`, { details: { file, issues } }) };
  }
  return {
    kind: 'message',
    message: { ...parsed.data, id: parsed.data.id ?? file.replace(/\.json$/, '') },
    explicitId: parsed.data.id !== undefined,
  };
}

const stamps = new ArrivalStamp();

/**
 * Queues a message for an instance to send, the way an agent should: atomically, under an
 * arrival-ordered name. Returns the file name.
 */
export async function writeOutgoing(home: string, instance: string, message: OutgoingMessageInput): Promise<string> {
  const paths = queuePaths(home, instance);
  const data = outgoingMessageSchema.parse(message);
  await ensureDir(paths.outbox);
  // The random part keeps names unique across processes writing the same outbox.
  const file = `${stamps.next()}-${randomBytes(4).toString('hex')}.json`;
  await writeFileAtomic(join(paths.outbox, file), `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
