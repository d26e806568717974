import { builtinSummary } from '@aos-connectors/contract';
import type { TreeNode } from './command-tree.js';
import type { ConnectorDefinition } from './types.js';

export const GLOBAL_HELP = `
Global flags (accepted anywhere):
  --json              one JSON envelope on stdout for every outcome (AOS_JSON=1)
  --mode <mode>       readonly | write | full | admin (default readonly; AOS_MODE)
  --dry-run           show the request a write would send, send nothing
  --timeout-ms <n>    the caller's deadline for the whole call (AOS_TIMEOUT_MS)
  --verbose           detail on stderr (AOS_VERBOSE=1)
  --version, --help`;

function summaryOf(node: TreeNode): string {
  const target = node.target;
  if (!target) return `${[...node.children.keys()].join(', ')}`;
  return target.kind === 'builtin' ? builtinSummary(target.id) : target.command.summary;
}

/** Help for the whole connector or one command group, generated from the definition. */
export function groupHelp(definition: ConnectorDefinition, node: TreeNode): string {
  const prefix = [definition.tool, ...node.path].join(' ');
  const rows = [...node.children.values()].map((child) => [child.word, summaryOf(child)] as const);
  const width = Math.max(...rows.map(([word]) => word.length));
  const lines = [
    `Usage: ${prefix} <command> [flags]`,
    '',
    node.path.length === 0 ? (definition.description ?? `${definition.label} connector`) : `Commands under "${node.path.join(' ')}"`,
    '',
    'Commands:',
    ...rows.map(([word, summary]) => `  ${word.padEnd(width)}  ${summary}`),
    GLOBAL_HELP.trimEnd(),
    '',
    ...(node.path.length === 0 ? ['', 'Serve these commands to an MCP client over stdio: mcp (--mode sets the session\'s mode)'] : []),
    `Run "${prefix} <command> --help" for a command's flags.`,
  ];
  return lines.join('\n') + '\n';
}
