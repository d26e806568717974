import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '@aos-connectors/contract';
import { writeFileAtomic } from './durable-fs.js';
import { readRegularFile } from './safe-fs.js';

/** Any value JSON can hold: what an adapter's cursor may be. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const stateFileSchema = z.object({
  version: z.literal(1),
  cursor: z.unknown(),
  updated_at: z.string(),
});

/**
 * A gateway instance's durable state (`<home>/state/<instance>.json`): the adapter's cursor
 * (Telegram update offset, Slack `oldest` timestamps, IMAP UIDVALIDITY and last UID). Saved with
 * an atomic replace, so a crash leaves the previous cursor or the new one, never a torn file.
 */
export class StateStore<C extends JsonValue = JsonValue> {
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  /** The saved cursor, or undefined on a first run. */
  async load(): Promise<C | undefined> {
    // Opened only as a regular file: a FIFO or link in its place must not hang or mislead us.
    const read = await readRegularFile(this.path, MAX_STATE_BYTES);
    if (read.kind === 'gone') return undefined;
    if (read.kind !== 'file') {
      throw new ConfigError(`The gateway state file ${this.path} is not a regular file of at most ${MAX_STATE_BYTES} bytes`, {
        details: { path: this.path },
        hint: 'Remove it to start from the platform\'s current position (messages may be received again).',
      });
    }
    const text = read.text;
    let parsed;
    try {
      parsed = stateFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      throw new ConfigError(`The gateway state file ${this.path} is not valid`, {
        details: { path: this.path },
        hint: 'Delete it to start from the platform\'s current position (messages may be received again).',
      });
    }
    return parsed.data.cursor as C | undefined;
  }

  async save(cursor: C): Promise<void> {
    const state = { version: 1, cursor, updated_at: new Date().toISOString() };
    await writeFileAtomic(this.path, `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Deletes temporary files a crash left behind mid-save. */
  async removeStaleTemps(): Promise<number> {
    return removeStaleTemps(this.path);
  }
}

const MAX_STATE_BYTES = 16 * 1024 * 1024;

/** Deletes `path`'s temporary files (tempPathFor's `.<name>.<pid>.<hex>.tmp`) a crash left behind. */
async function removeStaleTemps(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  const dir = dirname(path);
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && /^\d+\.[0-9a-f]+\.tmp$/.test(name.slice(prefix.length))) {
      await unlink(join(dir, name)).catch(() => undefined);
      removed += 1;
    }
  }
  return removed;
}

const sentIdsFileSchema = z.object({ version: z.literal(1), ids: z.array(z.string()) });

/**
 * The explicit outgoing message ids an instance sent most recently (`<home>/state/<instance>.sent`),
 * so that two outbox files with the same `id` are sent once. Bounded to the last `limit` ids;
 * saved with an atomic replace after each send. A damaged file is logged and started afresh
 * (it only remembers; losing it means a late duplicate may be sent, nothing is lost).
 */
export class SentIds {
  readonly path: string;
  readonly limit: number;
  #ids: string[] = [];
  #set = new Set<string>();

  constructor(path: string, limit = 2000) {
    this.path = path;
    this.limit = limit;
  }

  async load(log: (line: string) => void = () => undefined): Promise<void> {
    await removeStaleTemps(this.path);
    const read = await readRegularFile(this.path, MAX_STATE_BYTES);
    if (read.kind === 'gone') return;
    let ids: string[] | undefined;
    if (read.kind === 'file') {
      try {
        const parsed = sentIdsFileSchema.safeParse(JSON.parse(read.text));
        if (parsed.success) ids = parsed.data.ids;
      } catch {
        ids = undefined;
      }
    }
    if (!ids) {
      log(`sent ids: ${this.path} is not valid; starting with none remembered`);
      return;
    }
    this.#ids = ids.slice(-this.limit);
    this.#set = new Set(this.#ids);
  }

  has(id: string): boolean {
    return this.#set.has(id);
  }

  get size(): number {
    return this.#set.size;
  }

  async add(id: string): Promise<void> {
    if (this.#set.has(id)) return;
    this.#ids.push(id);
    this.#set.add(id);
    while (this.#ids.length > this.limit) this.#set.delete(this.#ids.shift()!);
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, ids: this.#ids })}\n`);
  }
}
