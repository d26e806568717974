import { renderCompletion, UsageError, type CompletionSpec, type Shell } from '@aos-connectors/core';
import { discover } from '../catalog.js';
import type { HostCall } from '../io.js';

export const COMPLETION_HELP = `Usage: aos completion bash|zsh|fish

Prints a shell completion script for aos: its commands, their flags, and the names of the
connectors found now (for info, health, run and mcp). Load it with:
  bash: source <(aos completion bash)
  zsh:  source <(aos completion zsh)
  fish: aos completion fish | source
`;

const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];
const GLOBALS = ['--json', '--mode', '--timeout-ms', '--verbose', '--version', '--help'];
const MODES = ['readonly', 'write', 'full', 'admin'];

/** The completion data of `aos`: its subcommands and flags, and the connectors discovery finds from manifests (no process started). */
export function aosCompletion(tools: string[]): CompletionSpec {
  const children = new Map<string, string[]>([
    ['', ['list', 'info', 'health', 'run', 'mcp', 'completion']],
    ['completion', [...SHELLS]],
  ]);
  if (tools.length) for (const command of ['info', 'health', 'run', 'mcp']) children.set(command, tools);
  const flags = new Map<string, string[]>([
    ['list', ['--probe', '--refresh', '--concurrency']],
    ['info', ['--probe', '--refresh']],
    ['health', ['--refresh', '--concurrency']],
  ]);
  for (const tool of tools) {
    flags.set(`info ${tool}`, flags.get('info')!);
    flags.set(`health ${tool}`, flags.get('health')!);
  }
  return { program: 'aos', children, flags, values: new Map([['* --mode', MODES]]), globals: GLOBALS };
}

/** `aos completion bash|zsh|fish`. */
export async function completion({ io, output, args }: HostCall): Promise<void> {
  const hint = 'Run "aos completion bash", "zsh" or "fish" and source its output.';
  const [shell, ...extra] = args;
  if (shell === undefined) throw new UsageError('completion needs a shell: bash, zsh or fish', { hint });
  if (extra.length > 0) throw new UsageError(`completion takes one shell (got "${args.join(' ')}")`, { hint });
  if (!SHELLS.includes(shell as Shell)) {
    throw new UsageError(`Unknown shell "${shell}"; expected bash, zsh or fish`, { details: { shells: SHELLS }, hint });
  }
  let tools: string[] = [];
  try {
    tools = (await discover(io)).connectors.map((entry) => entry.tool);
  } catch {
    // Completion of the commands alone is still worth having.
  }
  const script = renderCompletion(aosCompletion(tools), shell as Shell);
  output.text('completion', script, { shell, script });
}
