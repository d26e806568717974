import { describe, expect, it } from 'vitest';
import { APPROVAL_TTL_MS, approvalTokens, checkApproval, type ApprovalRequest } from '../../src/policy/approval.js';
import { defaultToolPolicy } from '../../src/policy/tool-policy.js';
import { caught, tempDir } from './helpers.js';

const policy = { ...defaultToolPolicy('aos-github'), require_approval: ['pr.merge'] };

function request(stateDir: string, fields: Partial<ApprovalRequest> = {}): ApprovalRequest {
  return { stateDir, policy, commandId: 'pr.merge', input: { repo: 'o/r', number: 7 }, evidenceId: 'ev_1', tokens: [], ...fields };
}

describe('approval tokens', () => {
  it('come from AOS_APPROVED (comma or space separated) and the --approve flag', () => {
    expect(approvalTokens({ AOS_APPROVED: 'pr.merge, ev_abc  x' }, ['ev_def'])).toEqual(['pr.merge', 'ev_abc', 'x', 'ev_def']);
    expect(approvalTokens({}, 'ev_1')).toEqual(['ev_1']);
    expect(approvalTokens({ AOS_APPROVED: '' })).toEqual([]);
  });
});

describe('require_approval', () => {
  it('needs nothing for a command the policy does not list', async () => {
    const dir = tempDir();
    expect(await checkApproval(request(dir, { commandId: 'pr.list' }))).toBeNull();
  });

  it('refuses with APPROVAL_REQUIRED (exit 3) and an approval id when no approval was passed', async () => {
    const dir = tempDir();
    const error = await caught(() => checkApproval(request(dir)));
    expect(error.code).toBe('APPROVAL_REQUIRED');
    expect(error.exitCode).toBe(3);
    expect(error.details).toMatchObject({ command: 'pr.merge', field: 'require_approval', approval_id: 'ev_1', approve_with: 'AOS_APPROVED=ev_1' });
  });

  it('accepts a blanket approval naming the command (plain or tool-qualified)', async () => {
    const dir = tempDir();
    expect(await checkApproval(request(dir, { tokens: ['pr.merge'] }))).toEqual({ approved_by: 'command', token: 'pr.merge' });
    expect(await checkApproval(request(dir, { tokens: ['aos-github:pr.merge'] }))).toMatchObject({ approved_by: 'command' });
    // Another tool's approval does not count.
    expect((await caught(() => checkApproval(request(dir, { tokens: ['aos-slack:pr.merge'], evidenceId: 'ev_2' })))).code).toBe('APPROVAL_REQUIRED');
  });

  it('accepts the approval id of the refused call once, for the same input only, across invocations', async () => {
    const dir = tempDir();
    await caught(() => checkApproval(request(dir, { evidenceId: 'ev_first' })));
    // A different call cannot ride on that approval.
    const other = await caught(() => checkApproval(request(dir, { evidenceId: 'ev_other', tokens: ['ev_first'], input: { repo: 'o/r', number: 8 } })));
    expect(other.code).toBe('APPROVAL_REQUIRED');
    expect(other.details.unmatched_approvals).toEqual(['ev_first']);
    // The same call, re-run (a new invocation, so a new evidence id) with the approval id.
    const grant = await checkApproval(request(dir, { evidenceId: 'ev_second', tokens: ['ev_first'], input: { number: 7, repo: 'o/r' } }));
    expect(grant).toEqual({ approved_by: 'approval_id', token: 'ev_first' });
    // Single use.
    expect((await caught(() => checkApproval(request(dir, { evidenceId: 'ev_third', tokens: ['ev_first'] })))).code).toBe('APPROVAL_REQUIRED');
  });

  it('lets an approval id expire', async () => {
    const dir = tempDir();
    const now = Date.now();
    await caught(() => checkApproval(request(dir, { evidenceId: 'ev_old', now })));
    const late = await caught(() => checkApproval(request(dir, { evidenceId: 'ev_late', tokens: ['ev_old'], now: now + APPROVAL_TTL_MS + 1 })));
    expect(late.code).toBe('APPROVAL_REQUIRED');
  });
});
