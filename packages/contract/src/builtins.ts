/** Built-in commands every connector has (CONTRACT §5); all read-only, all offline but `health`. */
export const BUILTIN_COMMANDS = ['capabilities', 'health', 'config.show', 'doctor'] as const;

export type BuiltinId = (typeof BUILTIN_COMMANDS)[number];

const BUILTIN_SUMMARIES: Record<BuiltinId, string> = {
  capabilities: 'Describe this connector and every command (machine-readable)',
  health: 'Check credentials and API reachability',
  'config.show': 'Show settings and which secrets are present (offline)',
  doctor: 'Show which commands are ready to run and what is missing',
};

export const builtinSummary = (id: BuiltinId): string => BUILTIN_SUMMARIES[id];
