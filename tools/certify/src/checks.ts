import type { CheckResult } from './report.js';

/** Collects one gate's checks; a check that throws fails with the error as its evidence. */
export class Checks {
  readonly results: CheckResult[] = [];

  pass(check: string, evidence: string): void {
    this.results.push({ check, pass: true, evidence, fix: null });
  }

  fail(check: string, evidence: string, fix: string): void {
    this.results.push({ check, pass: false, evidence, fix });
  }

  /** Passes when `problems` is empty; otherwise fails listing the first few. */
  expectNone(check: string, problems: string[], passEvidence: string, fix: string): void {
    if (problems.length === 0) this.pass(check, passEvidence);
    else this.fail(check, summarize(problems), fix);
  }

  async guard(check: string, fix: string, work: () => Promise<void> | void): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.fail(check, `the check itself failed: ${error instanceof Error ? error.message : String(error)}`, fix);
    }
  }
}

/** The first problems in full, then how many more: evidence stays readable. */
export function summarize(problems: string[], shown = 3): string {
  const head = problems.slice(0, shown).join('; ');
  return problems.length > shown ? `${head}; and ${problems.length - shown} more` : head;
}
