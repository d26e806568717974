import { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import type { CheckResult } from '../report.js';
import { errorChecks } from './audit-errors.js';
import { auditRecordChecks } from './audit-records.js';

/** Audit gate: understandable failures, then evidence ids and audit records of every run so far. */
export async function auditGate(ctx: CertifyContext): Promise<CheckResult[]> {
  const checks = new Checks();
  await errorChecks(ctx, checks);
  auditRecordChecks(ctx, checks);
  return checks.results;
}
