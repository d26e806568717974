import { join, resolve } from 'node:path';
import { UsageError } from '@aos-connectors/contract';
import { ensureDir } from './durable-fs.js';
import { instanceNameSchema } from './message.js';

/** Where one connector instance's queues and state live under `<home>` (CONTRACT §9). */
export interface QueuePaths {
  home: string;
  instance: string;
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
    inbox: join(root, 'messages', 'inbox'),
    outbox: join(root, 'messages', 'outbox', instance),
    failed: join(root, 'messages', 'failed'),
    state,
    stateFile: join(state, `${instance}.json`),
    delivered: join(state, `${instance}.delivered`),
    lockFile: join(state, `${instance}.lock`),
  };
}

export async function ensureQueueDirs(paths: QueuePaths): Promise<void> {
  for (const dir of [paths.inbox, paths.outbox, paths.failed, paths.state, paths.delivered]) await ensureDir(dir);
}
