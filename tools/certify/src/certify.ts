import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertifyContext, learnFacts } from './context.js';
import { auditGate } from './gates/audit.js';
import { contractGate } from './gates/contract.js';
import { docsGate } from './gates/docs.js';
import { safetyGate } from './gates/safety.js';
import { testsGate } from './gates/tests.js';
import { loadPackage } from './package.js';
import { GATES, levelOf, type CertificationReport, type CheckResult, type GateName, type GateReport } from './report.js';
import { ConnectorRunner } from './runner.js';
import { traceStartup } from './startup.js';
import { runPackageTests } from './vitest-run.js';

export interface CertifyOptions {
  /** The gates to run (default: all five). */
  gates?: readonly GateName[];
  /** Connector processes run at once (default: 3 per CPU; many wait on retry backoffs, not the CPU). */
  concurrency?: number;
}

/** Certifies a built connector package as a black box and returns the report (never throws on a failed check). */
export async function certify(packageDir: string, options: CertifyOptions = {}): Promise<CertificationReport> {
  const started = performance.now();
  const pkg = loadPackage(packageDir);
  const selected = GATES.filter((gate) => !options.gates || options.gates.includes(gate));
  const scratch = mkdtempSync(join(tmpdir(), 'aos-certify-'));
  try {
    // What --json capabilities loads (not its wall time: that is `npm run bench`'s job).
    const startup = selected.includes('contract') ? traceStartup(pkg.bin, scratch) : undefined;
    // The package's own test run's results when fresh; else its suite, alongside the black-box checks.
    const suite = selected.includes('tests') ? runPackageTests(pkg.dir, scratch) : undefined;
    const runner = new ConnectorRunner(pkg, scratch, options.concurrency ?? Math.max(4, 3 * availableParallelism()));
    const ctx = new CertifyContext(pkg, runner, await learnFacts(pkg, runner), scratch);
    const run: Record<GateName, () => Promise<CheckResult[]>> = {
      contract: () => contractGate(ctx, startup),
      safety: () => safetyGate(ctx),
      audit: () => auditGate(ctx),
      docs: () => docsGate(ctx),
      tests: () => testsGate(ctx, suite!),
    };
    const gates: GateReport[] = [];
    for (const gate of selected) {
      const gateStarted = performance.now();
      const checks = await run[gate]();
      gates.push({ gate, pass: checks.every((check) => check.pass), duration_ms: Math.round(performance.now() - gateStarted), checks });
    }
    return { tool: pkg.tool, package: pkg.dir, version: pkg.version, level: levelOf(gates), duration_ms: Math.round(performance.now() - started), gates };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
