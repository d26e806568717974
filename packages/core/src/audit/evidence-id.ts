import { randomUUID } from 'node:crypto';

/** A unique, sortable-enough id for one invocation: `ev_<ms since epoch in base36>_<random>`. */
export function newEvidenceId(now = Date.now()): string {
  return `ev_${now.toString(36)}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}
