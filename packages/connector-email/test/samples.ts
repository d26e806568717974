/**
 * Valid arguments for each command, for the conformance suite. `gateway` has none on purpose:
 * it is a daemon without a dry run, and the suite dry-runs every write that has a sample.
 */
export const samples: Record<string, string[]> = {
  'mail.list': ['--limit', '5'],
  'mail.read': ['42'],
  'mail.send': ['--to', 'ann@example.com', '--subject', 'Status', '--text', 'All green.'],
};
