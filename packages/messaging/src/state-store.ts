import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { ConfigError } from '@aos-connectors/contract';
import { errorCode, writeFileAtomic } from './durable-fs.js';

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
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
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
    const prefix = `.${basename(this.path)}.`;
    const dir = dirname(this.path);
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        await unlink(join(dir, name)).catch(() => undefined);
        removed += 1;
      }
    }
    return removed;
  }
}
