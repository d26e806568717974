import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '@aos-connectors/contract';
import { ArrivalStamp, sortQueueFiles } from './arrival-names.js';
import { ensureDir, errorCode, writeFileAtomic } from './durable-fs.js';
import { outgoingMessageSchema, type OutgoingMessage, type OutgoingMessageInput } from './message.js';
import { queuePaths } from './queue-paths.js';

export type OutboxRead =
  | { kind: 'message'; message: OutgoingMessage }
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
 * `.json`, so adapters can use it as an idempotency key. An unparseable file younger than
 * `settleMs` is left alone: an agent that writes in place rather than by rename may not be done.
 */
export async function readOutgoing(dir: string, file: string, settleMs: number, now = Date.now()): Promise<OutboxRead> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const age = await stat(path).then((s) => now - s.mtimeMs, () => Infinity);
    if (age < settleMs) return { kind: 'unsettled' };
    return { kind: 'invalid', error: new UsageError(`Outbox file ${file} is not valid JSON`, { cause: error, details: { file } }) };
  }
  const parsed = outgoingMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    return { kind: 'invalid', error: new UsageError(`Outbox file ${file} is not an OutgoingMessage (${summary})`, { details: { file, issues } }) };
  }
  return { kind: 'message', message: { ...parsed.data, id: parsed.data.id ?? file.replace(/\.json$/, '') } };
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
