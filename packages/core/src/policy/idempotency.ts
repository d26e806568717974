import { ConflictError, UsageError } from '@aos-connectors/contract';
import { processAlive } from './file-lock.js';
import { inputHash } from './input-hash.js';
import { updateJsonFile } from './json-store.js';
import { stateFile } from './state-dir.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A pending entry older than this is no longer "in progress" even if its pid lives on. */
const PENDING_MAX_MS = 15 * 60 * 1000;
const MAX_ENTRIES = 1000;
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

interface LedgerEntry {
  command: string;
  input_hash: string;
  state: 'pending' | 'done';
  created_ms: number;
  evidence_id: string;
  pid: number;
  data?: unknown;
}

interface Ledger {
  version: 1;
  entries: Record<string, LedgerEntry>;
}

export interface IdempotencyRequest {
  stateDir: string;
  tool: string;
  key: string;
  commandId: string;
  /** The validated input; its hash decides "same call" vs "different call". */
  input: unknown;
  /** This invocation's evidence id, stored as the owner of the claim. */
  evidenceId: string;
  now?: number;
}

export type IdempotencyClaim =
  | { kind: 'replay'; data: unknown; evidenceId: string; createdAt: string }
  | {
      kind: 'claimed';
      /** Store the result: later calls with the key replay it. */
      complete(data: unknown): Promise<void>;
      /** Forget the claim (the call failed before any side effect), so the key can be retried. */
      abandon(): Promise<void>;
    };

/** Checks a `--idempotency-key` value: 1 to 200 of `A-Z a-z 0-9 . _ : -`. */
export function validateIdempotencyKey(key: string): string {
  if (KEY_PATTERN.test(key)) return key;
  throw new UsageError('--idempotency-key must be 1 to 200 characters of letters, digits, ".", "_", ":" or "-"', {
    details: { field: 'idempotency_key' },
  });
}

/**
 * Looks the key up in `<state>/idempotency/<tool>.json` under its lock. A finished call with
 * the same command and input is replayed; a different input is CONFLICT; a call still running
 * (or one that died mid-way, whose outcome is unknown) is CONFLICT too, since repeating it
 * could repeat the side effect. Otherwise the key is claimed for this invocation.
 */
export async function claimIdempotencyKey(request: IdempotencyRequest): Promise<IdempotencyClaim> {
  validateIdempotencyKey(request.key);
  const path = stateFile(request.stateDir, 'idempotency', request.tool);
  const hash = inputHash(request.commandId, request.input);
  const update = <R>(change: (entries: Map<string, LedgerEntry>, now: number) => R | undefined) =>
    updateJsonFile<Ledger, R | undefined>(path, emptyLedger, (ledger) => {
      const now = request.now ?? Date.now();
      const entries = liveEntries(ledger, now);
      const result = change(entries, now);
      return { result, next: { version: 1, entries: Object.fromEntries(trim(entries)) } };
    });

  const outcome = await update<IdempotencyClaim | ConflictError>((entries, now) => {
    const existing = entries.get(request.key);
    if (!existing) {
      entries.set(request.key, {
        command: request.commandId,
        input_hash: hash,
        state: 'pending',
        created_ms: now,
        evidence_id: request.evidenceId,
        pid: process.pid,
      });
      return undefined;
    }
    const conflict = conflictFor(request, existing, hash, now);
    if (conflict) return conflict;
    return { kind: 'replay', data: existing.data ?? null, evidenceId: existing.evidence_id, createdAt: new Date(existing.created_ms).toISOString() };
  });
  if (outcome instanceof ConflictError) throw outcome;
  if (outcome) return outcome;

  const ours = (entry: LedgerEntry | undefined) => entry?.evidence_id === request.evidenceId && entry.state === 'pending';
  return {
    kind: 'claimed',
    complete: async (data) => {
      await update((entries) => {
        const entry = entries.get(request.key);
        if (ours(entry)) entries.set(request.key, { ...entry!, state: 'done', data: data ?? null });
        return undefined;
      });
    },
    abandon: async () => {
      await update((entries) => {
        if (ours(entries.get(request.key))) entries.delete(request.key);
        return undefined;
      });
    },
  };
}

function conflictFor(request: IdempotencyRequest, existing: LedgerEntry, hash: string, now: number): ConflictError | undefined {
  const details = {
    idempotency_key: request.key,
    command: existing.command,
    first_evidence_id: existing.evidence_id,
  };
  if (existing.input_hash !== hash) {
    return new ConflictError(`The idempotency key "${request.key}" was already used for a different call`, {
      details: { ...details, reason: 'different_input' },
      hint: 'Use a new idempotency key for a different call.',
    });
  }
  if (existing.state === 'done') return undefined;
  const running = now - existing.created_ms < PENDING_MAX_MS && processAlive(existing.pid);
  return new ConflictError(
    running
      ? `A call with the idempotency key "${request.key}" is still in progress`
      : `An earlier call with the idempotency key "${request.key}" did not finish; its outcome is unknown`,
    {
      details: { ...details, reason: running ? 'in_progress' : 'outcome_unknown', retryable: running },
      hint: running ? 'Wait for the first call to finish, then retry.' : 'Check the resource, then retry with a new idempotency key.',
    },
  );
}

function emptyLedger(): Ledger {
  return { version: 1, entries: {} };
}

/** Entries within the TTL, as a Map so keys like "__proto__" stay plain data. */
function liveEntries(ledger: Ledger, now: number): Map<string, LedgerEntry> {
  const entries = new Map<string, LedgerEntry>();
  for (const [key, entry] of Object.entries(ledger.entries ?? {})) {
    if (entry && typeof entry.created_ms === 'number' && now - entry.created_ms < IDEMPOTENCY_TTL_MS) entries.set(key, entry);
  }
  return entries;
}

/** Keeps the ledger bounded: the newest MAX_ENTRIES survive. */
function trim(entries: Map<string, LedgerEntry>): [string, LedgerEntry][] {
  const all = [...entries];
  if (all.length <= MAX_ENTRIES) return all;
  return all.sort((a, b) => b[1].created_ms - a[1].created_ms).slice(0, MAX_ENTRIES);
}
