import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ArrivalStamp, sortQueueFiles } from './arrival-names.js';
import { createMarker, errorCode, fsyncDir, pathExists as exists, writeNewFile } from './durable-fs.js';
import { messageSchema, type IncomingMessage, type Message } from './message.js';
import { inboxDirs, type QueuePaths } from './queue-paths.js';
import { checkQueueDirs } from './safe-fs.js';

export type InboxWriteResult = { status: 'written'; file: string; message: Message } | { status: 'duplicate'; message: Message };

/** 96 bits of sha256 over instance and id: a path-safe, fixed-length key for the delivered marker. */
export function deliveryKey(instance: string, id: string): string {
  return createHash('sha256').update(`${instance}\0${id}`).digest('hex').slice(0, 24);
}

const TEMP_NAME = /^\.(\d{13}-\d{4})-(.+)-([0-9a-f]{24})\.json\.tmp$/;

/**
 * Writes platform messages into the inbox, each id at most once, across restarts and crashes.
 *
 * One message is three durable steps: (1) write and fsync `.<final>.tmp`; (2) create the marker
 * `<state>/<instance>.delivered/<key>` with O_EXCL, the commit point; (3) rename the temporary
 * file to its final, arrival-ordered name. `recover()` (run before receiving) finishes what a
 * crash interrupted: a temporary file with a marker was committed and is renamed; one without
 * was not, and is deleted (the adapter's cursor was not advanced, so the platform redelivers it).
 */
export class InboxWriter {
  readonly #paths: QueuePaths;
  readonly #type: string;
  readonly #stamp: ArrivalStamp;

  constructor(paths: QueuePaths, connectorType: string, stamp = new ArrivalStamp()) {
    this.#paths = paths;
    this.#type = connectorType;
    this.#stamp = stamp;
  }

  /** Validates an adapter's message and fills the gateway's fields (throws a ZodError when invalid). */
  normalize(incoming: IncomingMessage): Message {
    return messageSchema.parse({
      ...incoming,
      timestamp: incoming.timestamp ?? new Date().toISOString(),
      connector: { type: this.#type, instance: this.#paths.instance },
    });
  }

  async write(incoming: IncomingMessage): Promise<InboxWriteResult> {
    const message = this.normalize(incoming);
    const key = deliveryKey(this.#paths.instance, message.id);
    const marker = join(this.#paths.delivered, key);
    if (await exists(marker)) return { status: 'duplicate', message };

    // A folder swapped for a link while running stops the gateway rather than writing through it.
    await checkQueueDirs(inboxDirs(this.#paths), false);
    const file = `${this.#stamp.next()}-${this.#paths.instance}-${key}.json`;
    const temp = join(this.#paths.inbox, `.${file}.tmp`);
    await writeNewFile(temp, `${JSON.stringify(message, null, 2)}\n`);
    if (!(await createMarker(marker))) {
      await unlink(temp).catch(() => undefined);
      return { status: 'duplicate', message };
    }
    await rename(temp, join(this.#paths.inbox, file));
    await fsyncDir(this.#paths.inbox);
    return { status: 'written', file, message };
  }

  /** Completes or discards this instance's writes a crash interrupted. */
  async recover(): Promise<{ committed: number; discarded: number }> {
    let committed = 0;
    let discarded = 0;
    for (const name of await readdir(this.#paths.inbox)) {
      const match = TEMP_NAME.exec(name);
      if (!match || match[2] !== this.#paths.instance) continue;
      const temp = join(this.#paths.inbox, name);
      if (await exists(join(this.#paths.delivered, match[3]!))) {
        await rename(temp, join(this.#paths.inbox, name.slice(1, -'.tmp'.length)));
        committed += 1;
      } else {
        await unlink(temp);
        discarded += 1;
      }
    }
    if (committed + discarded > 0) await fsyncDir(this.#paths.inbox);
    return { committed, discarded };
  }

  /**
   * Forgets delivered ids older than `maxAgeMs`, so the marker directory stays bounded. Only ids
   * a platform might still redeliver need remembering: cursors move past a batch within seconds.
   */
  async pruneDelivered(maxAgeMs: number, now = Date.now()): Promise<number> {
    if (!Number.isFinite(maxAgeMs)) return 0;
    let pruned = 0;
    for (const name of await readdir(this.#paths.delivered)) {
      const path = join(this.#paths.delivered, name);
      try {
        // No fsync per file: a prune lost in a crash is simply redone next start.
        if (now - (await lstat(path)).mtimeMs > maxAgeMs) {
          await unlink(path);
          pruned += 1;
        }
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    return pruned;
  }
}

/** The inbox in arrival order, parsed: the agent's side of the queue (also used by tests). */
export async function readInbox(home: string): Promise<{ file: string; message: Message }[]> {
  const dir = join(home, 'messages', 'inbox');
  const entries: { file: string; message: Message }[] = [];
  for (const file of sortQueueFiles(await readdir(dir).catch(() => []))) {
    const text = await readFile(join(dir, file), 'utf8').catch((error: unknown) => {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (text !== undefined) entries.push({ file, message: messageSchema.parse(JSON.parse(text)) });
  }
  return entries;
}
