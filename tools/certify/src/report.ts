/** The certification gates (seeds: Build a Connector › Certification Gates), in the order they run. */
export const GATES = ['contract', 'safety', 'audit', 'docs', 'tests'] as const;
export type GateName = (typeof GATES)[number];

export interface CheckResult {
  check: string;
  pass: boolean;
  /** What was observed, in one or two sentences (the failing command, code, request...). */
  evidence: string;
  /** What to change when it fails; null when it passes. */
  fix: string | null;
}

export interface GateReport {
  gate: GateName;
  pass: boolean;
  duration_ms: number;
  checks: CheckResult[];
}

/** The machine report (`aos-certify --json`). */
export interface CertificationReport {
  tool: string;
  package: string;
  version: string;
  /** `certified`, or `failed: <gates>`. */
  level: string;
  duration_ms: number;
  gates: GateReport[];
}

export function levelOf(gates: GateReport[]): string {
  const failed = gates.filter((gate) => !gate.pass).map((gate) => gate.gate);
  return failed.length === 0 ? 'certified' : `failed: ${failed.join(', ')}`;
}
