import { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import type { CheckResult } from '../report.js';
import { classificationChecks } from './safety-classification.js';
import { modeChecks } from './safety-modes.js';
import { secretChecks } from './safety-secrets.js';

/** Safety gate: classified commands, destructive ones at admin, mode gates that send nothing, no leaked secret. */
export async function safetyGate(ctx: CertifyContext): Promise<CheckResult[]> {
  const checks = new Checks();
  classificationChecks(ctx, checks);
  await modeChecks(ctx, checks);
  await secretChecks(ctx, checks);
  return checks.results;
}
