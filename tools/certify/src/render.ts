import type { CertificationReport } from './report.js';

const fit = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : width === Infinity ? text : text.padEnd(width));

/** The human report: one row per check, then what to fix, then the level. Evidence is cut to `columns` when given (a terminal). */
export function renderReport(report: CertificationReport, columns?: number): string {
  const checkWidth = Math.max(...report.gates.flatMap((g) => g.checks.map((c) => c.check.length)), 5);
  const evidenceWidth = columns ? Math.max(20, columns - 10 - (checkWidth + 2) - 8) : Infinity;
  const lines = [`${report.tool} ${report.version}  (${report.package})`, ''];
  lines.push(`${fit('GATE', 10)}${fit('CHECK', checkWidth + 2)}${fit('RESULT', 8)}EVIDENCE`);
  for (const gate of report.gates) {
    for (const [i, check] of gate.checks.entries()) {
      lines.push(`${fit(i === 0 ? gate.gate : '', 10)}${fit(check.check, checkWidth + 2)}${fit(check.pass ? 'pass' : 'FAIL', 8)}${fit(check.evidence, evidenceWidth).trimEnd()}`);
    }
  }
  const failures = report.gates.flatMap((gate) => gate.checks.filter((c) => !c.pass).map((c) => ({ gate: gate.gate, ...c })));
  if (failures.length) {
    lines.push('', 'To fix:');
    for (const failure of failures) lines.push(`  ${failure.gate} › ${failure.check}`, `    found: ${failure.evidence}`, `    fix:   ${failure.fix}`);
  }
  lines.push('', `Level: ${report.level}  (${(report.duration_ms / 1000).toFixed(1)} s)`);
  return `${lines.join('\n')}\n`;
}
