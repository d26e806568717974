import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_TTL_MS, claimIdempotencyKey, validateIdempotencyKey, type IdempotencyRequest } from '../../src/policy/idempotency.js';
import { caught, runWorker, tempDir } from './helpers.js';

function request(stateDir: string, fields: Partial<IdempotencyRequest> = {}): IdempotencyRequest {
  return { stateDir, tool: 'aos-github', key: 'k-1', commandId: 'issue.create', input: { repo: 'o/r', title: 'Bug' }, evidenceId: 'ev_1', ...fields };
}

describe('idempotency ledger', () => {
  it('replays the stored result for the same key and input, across invocations, without running again', async () => {
    const stateDir = tempDir();
    const first = await claimIdempotencyKey(request(stateDir));
    expect(first.kind).toBe('claimed');
    if (first.kind !== 'claimed') return;
    await first.complete({ issue: { number: 42 } });

    // A later invocation: new evidence id, same input with keys in another order.
    const again = await claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_2', input: { title: 'Bug', repo: 'o/r' } }));
    expect(again).toMatchObject({ kind: 'replay', data: { issue: { number: 42 } }, evidenceId: 'ev_1' });
  });

  it('refuses the same key with a different input as CONFLICT (exit 2)', async () => {
    const stateDir = tempDir();
    const first = await claimIdempotencyKey(request(stateDir));
    if (first.kind === 'claimed') await first.complete({ ok: 1 });
    const error = await caught(() => claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_2', input: { repo: 'o/r', title: 'Other' } })));
    expect(error.code).toBe('CONFLICT');
    expect(error.exitCode).toBe(2);
    expect(error.details).toMatchObject({ reason: 'different_input', idempotency_key: 'k-1', first_evidence_id: 'ev_1' });
    // A different command under the same key is a different call too.
    expect((await caught(() => claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_3', commandId: 'issue.close' })))).details.reason).toBe('different_input');
  });

  it('refuses a key whose first call is still running', async () => {
    const stateDir = tempDir();
    await claimIdempotencyKey(request(stateDir));
    const error = await caught(() => claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_2' })));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'in_progress', retryable: true });
  });

  it('frees the key when the first call is abandoned', async () => {
    const stateDir = tempDir();
    const first = await claimIdempotencyKey(request(stateDir));
    if (first.kind === 'claimed') await first.abandon();
    expect((await claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_2' }))).kind).toBe('claimed');
  });

  it('refuses to repeat a call whose process died mid-way (outcome unknown)', async () => {
    const stateDir = tempDir();
    const input = { repo: 'o/r', title: 'Bug' };
    expect(await runWorker(['claim', stateDir, 'aos-github', 'k-1', JSON.stringify(input)])).toEqual({ ok: true, data: 'claimed' });
    const error = await caught(() => claimIdempotencyKey(request(stateDir, { input })));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ reason: 'outcome_unknown', retryable: false });
  });

  it('lets exactly one of many concurrent calls claim a key', async () => {
    const stateDir = tempDir();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => claimIdempotencyKey(request(stateDir, { evidenceId: `ev_${i}` }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('forgets keys after the TTL', async () => {
    const stateDir = tempDir();
    const now = Date.now();
    const first = await claimIdempotencyKey(request(stateDir, { now }));
    if (first.kind === 'claimed') await first.complete({ n: 1 });
    const later = await claimIdempotencyKey(request(stateDir, { evidenceId: 'ev_2', now: now + IDEMPOTENCY_TTL_MS + 1, input: { other: true } }));
    expect(later.kind).toBe('claimed');
  });

  it('validates the key', async () => {
    expect(validateIdempotencyKey('deploy-2024:01.a_b')).toBe('deploy-2024:01.a_b');
    for (const bad of ['', 'has space', '../../etc', 'x'.repeat(201)]) {
      expect((await caught(() => validateIdempotencyKey(bad))).code).toBe('INVALID_USAGE');
    }
  });
});
