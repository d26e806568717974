import { dirname, join, resolve } from 'node:path';
import { UsageError } from '@aos-connectors/contract';
import { checkHome, checkQueueDirs } from './safe-fs.js';
import { instanceNameSchema } from './message.js';

/** Where one connector instance's queues and state live under `<home>` (CONTRACT §9). */
export interface QueuePaths {
  home: string;
  instance: string;
  /** `<home>/messages`: holds inbox/, outbox/ and failed/. */
  messages: string;
  /** Shared by every instance: the agent reads it. */
  inbox: string;
  /** This instance's outgoing messages. */
  outbox: string;
  /** Shared by every instance; file names start with the instance. */
  failed: string;
  state: string;
  /** The adapter's cursor (`<home>/state/<instance>.json`). */
  stateFile: string;
  /** Ids already in the inbox, one empty marker file each. */
  delivered: string;
  /** Held while a gateway for this instance runs. */
  lockFile: string;
  /** Explicit outgoing ids already sent (`<home>/state/<instance>.sent`), so a duplicate is sent once. */
  sentFile: string;
}

export function queuePaths(home: string, instance: string): QueuePaths {
  const name = instanceNameSchema.safeParse(instance);
  if (!name.success) {
    throw new UsageError(`Invalid instance name "${instance}": ${name.error.issues[0]?.message ?? 'not path-safe'}`, {
      details: { instance },
    });
  }
  const root = resolve(home);
  const state = join(root, 'state');
  return {
    home: root,
    instance,
    messages: join(root, 'messages'),
    inbox: join(root, 'messages', 'inbox'),
    outbox: join(root, 'messages', 'outbox', instance),
    failed: join(root, 'messages', 'failed'),
    state,
    stateFile: join(state, `${instance}.json`),
    delivered: join(state, `${instance}.delivered`),
    lockFile: join(state, `${instance}.lock`),
    sentFile: join(state, `${instance}.sent`),
  };
}

/** The folders from `<home>` down to the outbox, outermost first. */
export function outboxDirs(paths: QueuePaths): string[] {
  return [paths.messages, dirname(paths.outbox), paths.outbox];
}

export function failedDirs(paths: QueuePaths): string[] {
  return [paths.messages, paths.failed];
}

export function inboxDirs(paths: QueuePaths): string[] {
  return [paths.messages, paths.inbox];
}

/**
 * Checks `--home` and creates the queue folders, refusing (CONFIG_ERROR) any that is a link or
 * not a directory: the gateway never reads or writes through a link under its home.
 */
export async function ensureQueueDirs(paths: QueuePaths): Promise<void> {
  await checkHome(paths.home);
  await checkQueueDirs([...outboxDirs(paths), paths.inbox, paths.failed, paths.state, paths.delivered]);
}
