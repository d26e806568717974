import type { Checks } from '../checks.js';
import { CANARY, type CertifyContext } from '../context.js';
import { readEnvelope } from '../envelope.js';

const FIELDS = ['evidence_id', 'timestamp', 'tool', 'version', 'command', 'mode', 'arguments', 'dry_run', 'outcome', 'exit_code', 'duration_ms', 'http', 'side_effects'];

/** CONTRACT §7, over every --json run certification made: evidence ids and one redacted audit record each. */
export function auditRecordChecks(ctx: CertifyContext, checks: Checks): void {
  const { runner } = ctx;
  const enveloped = runner.history.flatMap((result) => {
    const { envelope } = result.argv.includes('--json') ? readEnvelope(result) : { envelope: undefined };
    return envelope ? [{ result, envelope }] : [];
  });

  const ids = new Set<string>();
  const idProblems: string[] = [];
  for (const { result, envelope } of enveloped) {
    const id = envelope.meta.evidence_id;
    if (ids.has(id)) idProblems.push(`${runner.describe(result)}: evidence_id ${id} was already used`);
    ids.add(id);
  }
  checks.expectNone('every envelope carries a unique evidence id', idProblems, `${enveloped.length} envelopes, ${ids.size} distinct evidence ids`, 'Let the core write the envelope: it sets meta.evidence_id per invocation.');

  const recordProblems: string[] = [];
  let withHttp = 0;
  for (const { result, envelope } of enveloped) {
    const call = runner.describe(result);
    const lines = result.audit.split('\n').filter((line) => line.trim());
    if (lines.length !== 1) {
      recordProblems.push(`${call}: ${lines.length} audit records, expected 1`);
      continue;
    }
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(lines[0]!);
    } catch {
      recordProblems.push(`${call}: the audit record is not JSON`);
      continue;
    }
    const missing = FIELDS.filter((field) => !(field in record));
    const outcome = envelope.ok ? 'ok' : envelope.error.code;
    if (missing.length) recordProblems.push(`${call}: audit record lacks ${missing.join(', ')}`);
    else if (record.evidence_id !== envelope.meta.evidence_id) recordProblems.push(`${call}: audit evidence_id ${record.evidence_id} ≠ envelope ${envelope.meta.evidence_id}`);
    else if (record.outcome !== outcome || record.exit_code !== result.exitCode) recordProblems.push(`${call}: audit says ${record.outcome}/exit ${record.exit_code}, the call ended ${outcome}/exit ${result.exitCode}`);
    if (Array.isArray(record.http) && record.http.length > 0) withHttp += 1;
  }
  checks.expectNone(
    'every invocation writes one audit record with its evidence id',
    recordProblems,
    `${enveloped.length} invocations, one record each in AOS_AUDIT_DIR (${withHttp} with HTTP exchanges)`,
    'Run through the core harness: it appends one record per invocation to $AOS_AUDIT_DIR/<tool>.jsonl (CONTRACT §7).',
  );

  const withSecrets = runner.history.filter((result) => result.audit.trim());
  const leaked = withSecrets.filter((result) => result.audit.includes(CANARY)).map((result) => `${runner.describe(result)}: secret in the audit record`);
  checks.expectNone(
    'audit records are redacted',
    leaked,
    `${withSecrets.length} audit records, none holding a secret value`,
    'Never put secret values in arguments, URLs or side effects; the core scrubs what it knows (CONTRACT §7).',
  );
}
