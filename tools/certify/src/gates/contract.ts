import { Checks } from '../checks.js';
import type { CertifyContext } from '../context.js';
import type { CheckResult } from '../report.js';
import type { StartupTrace } from '../startup.js';
import { builtinChecks } from './contract-builtins.js';
import { contractFileChecks } from './contract-files.js';
import { invocationChecks } from './contract-invocation.js';

/** Contract gate: valid, derived manifests; working built-ins; the CLI shape of CONTRACT §1–6. */
export async function contractGate(ctx: CertifyContext, startup: StartupTrace | undefined): Promise<CheckResult[]> {
  const checks = new Checks();
  await contractFileChecks(ctx, checks);
  await builtinChecks(ctx, checks);
  await invocationChecks(ctx, checks, startup);
  return checks.results;
}
