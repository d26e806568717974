import { join } from 'node:path';
import { newEvidenceId } from '@aos-connectors/contract';
import type { Mode } from '@aos-connectors/contract';
import type { AosError } from '@aos-connectors/contract';
import { errorEnvelope } from '@aos-connectors/contract';
import { lstat, unlink } from 'node:fs/promises';
import { errorCode, moveFile, writeFileAtomic } from './durable-fs.js';
import { failedDirs, type QueuePaths } from './queue-paths.js';
import { checkQueueDirs } from './safe-fs.js';

/** Who writes the error envelopes: the connector's identity as its `meta` reports it. */
export interface EnvelopeIdentity {
  tool: string;
  version: string;
  mode: Mode;
  /** Removes secrets from text bound for disk (the harness passes its scrubber). */
  scrub?: (text: string) => string;
}

/** The contract's error envelope (CONTRACT §2) for a message the gateway gave up on. */
export function gatewayErrorEnvelope(
  identity: EnvelopeIdentity,
  command: string,
  error: AosError,
  startedAt: number,
  details: Record<string, unknown> = {},
) {
  return errorEnvelope(
    { tool: identity.tool, version: identity.version, evidenceId: newEvidenceId(), startedAt, mode: identity.mode, dryRun: false, requestIds: [] },
    command,
    { code: error.code, message: error.message, details: { ...error.details, ...details } },
  );
}

/**
 * `<home>/messages/failed/`: each message the gateway gave up on, as `<instance>.<name>.json`,
 * with its error envelope beside it as `<instance>.<name>.error.json`. The envelope is written
 * first: a crash between the two steps leaves the message in the outbox (retried), never lost.
 */
export class FailedQueue {
  readonly #paths: QueuePaths;
  readonly #identity: EnvelopeIdentity;

  constructor(paths: QueuePaths, identity: EnvelopeIdentity) {
    this.#paths = paths;
    this.#identity = identity;
  }

  /**
   * Moves an outbox file to failed/; returns the failed file's name. The entry itself is
   * renamed: a link moves as the link (its target is untouched), a FIFO or directory as itself.
   * If the move fails, the envelope written for it is removed again.
   */
  async moveOutgoing(outboxFile: string, error: AosError, startedAt: number, details: Record<string, unknown>): Promise<string> {
    await checkQueueDirs(failedDirs(this.#paths), false);
    const name = await this.#freeName(outboxFile.replace(/\.json$/, ''));
    const envelope = gatewayErrorEnvelope(this.#identity, 'gateway.send', error, startedAt, details);
    const envelopePath = join(this.#paths.failed, `${name}.error.json`);
    await writeFileAtomic(envelopePath, this.#serialize(envelope));
    try {
      await moveFile(join(this.#paths.outbox, outboxFile), join(this.#paths.failed, `${name}.json`));
    } catch (moveError) {
      await unlink(envelopePath).catch(() => undefined);
      throw moveError;
    }
    return `${name}.json`;
  }

  /** Keeps a platform message the adapter could not normalize, so skipping it loses nothing. */
  async storeIncoming(stamp: string, raw: unknown, error: AosError, startedAt: number): Promise<string> {
    await checkQueueDirs(failedDirs(this.#paths), false);
    const name = await this.#freeName(`inbox-${stamp}`);
    const envelope = gatewayErrorEnvelope(this.#identity, 'gateway.receive', error, startedAt, {});
    await writeFileAtomic(join(this.#paths.failed, `${name}.error.json`), this.#serialize(envelope));
    await writeFileAtomic(join(this.#paths.failed, `${name}.json`), this.#serialize(raw ?? null));
    return `${name}.json`;
  }

  #serialize(value: unknown): string {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    return this.#identity.scrub ? this.#identity.scrub(text) : text;
  }

  /**
   * `<instance>.<base>`, suffixed when an earlier failure of the same name is still there. Names
   * are tested with lstat: any entry (a dangling link, a FIFO, a socket) makes a name taken.
   */
  async #freeName(base: string): Promise<string> {
    for (let n = 0; ; n += 1) {
      const name = `${this.#paths.instance}.${base}${n === 0 ? '' : `.${n}`}`;
      if (!(await taken(join(this.#paths.failed, `${name}.json`))) && !(await taken(join(this.#paths.failed, `${name}.error.json`)))) return name;
    }
  }
}

async function taken(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}
