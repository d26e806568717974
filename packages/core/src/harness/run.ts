import type { Readable, Writable } from 'node:stream';
import { builtinSummary, parseGlobalFlags, UsageError, type Mode } from '@aos-connectors/contract';
import { humanOutput } from '../output/human-output.js';
import { jsonOutput } from '../output/json-output.js';
import type { TextSink } from '../output/sink.js';
import { colorEnabled, makeStyle } from '../output/style.js';
import { finishCall, startCall, type Call, type Env } from './call.js';
import { buildTree, commandIdOf, resolvePath, type Target, type TreeNode } from './command-tree.js';
import { executeBuiltin, executeCommand, type CommandInput } from './execute.js';
import { completionScript } from './completion.js';
import { builtinHelp, commandHelp, GLOBAL_HELP, groupHelp } from './help.js';
import { suggest } from './suggest.js';
import { leafCommand, parseCommandArgs } from './parse-args.js';
import type { CommandDefinition, ConnectorDefinition } from './types.js';

/** Serves a connector's commands to an MCP client over stdio (`@aos-connectors/mcp` provides it). */
export type McpServe = (
  definition: ConnectorDefinition,
  options: { mode: Mode; timeoutMs?: number; env: Env; stdin: Readable; stdout: Writable; stderr: TextSink },
) => Promise<void>;

export interface ConnectorIO {
  argv: readonly string[];
  env: Env;
  stdout: TextSink;
  stderr: TextSink;
  isTTY?: boolean;
  /** The process's own streams, for `mcp`: a protocol stream must not pass the envelope writer. */
  stdin?: Readable;
  rawStdout?: Writable;
  /** `aos-<name> mcp`, when the build includes the MCP bridge (every bundled connector does). */
  serveMcp?: McpServe;
  /** Cancels the call (a signal the host received); the envelope then says TIMEOUT with `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Runs one CLI invocation of a connector in-process and returns its exit code: argv is parsed
 * into a command and its input, then the call takes the same path as `invoke`. Every path ends
 * in exactly one envelope (with --json), one audit record, and an exit code from the one table.
 */
export async function runConnector(definition: ConnectorDefinition, io: ConnectorIO): Promise<number> {
  const parsed = parseGlobalFlags(io.argv, io.env);
  const call = startCall({
    definition,
    env: io.env,
    flags: parsed.flags,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal,
    output: (stdout, stderr, invocation) =>
      parsed.flags.json ? jsonOutput(stdout, invocation) : humanOutput(stdout, stderr, invocation, makeStyle(colorEnabled(io.env, io.isTTY ?? false))),
  });
  try {
    if (parsed.problems.length > 0) throw new UsageError(parsed.problems.join('; '), { hint: `Run "${definition.tool} --help".` });
    await dispatch(call, io, parsed.rest);
  } catch (thrown) {
    return finishCall(call, { thrown });
  }
  return finishCall(call);
}

async function dispatch(call: Call, io: ConnectorIO, rest: string[]): Promise<void> {
  const { definition, flags } = call;
  if (flags.version) {
    call.commandId = 'version';
    call.output.text('version', call.invocation.version, { tool: definition.tool, version: call.invocation.version });
    return;
  }
  // `mcp` is a transport, not a command: not in the manifest, the tree or permissions.json.
  if (rest[0] === 'mcp' && !flags.help) return serveMcp(call, io, rest.slice(1));
  // `completion <shell>` prints a script; like `mcp`, it is not a command of the manifest.
  if (rest[0] === 'completion') return printCompletion(call, rest.slice(1));
  const tree = buildTree(definition);
  // `help issue list` is `issue list --help` (unless the connector has a `help` command itself).
  let help = flags.help;
  if (rest[0] === 'help' && !tree.children.has('help')) {
    help = true;
    rest = rest.slice(1);
  }
  const { node, consumed } = resolvePath(tree, rest);
  const args = rest.slice(consumed);
  call.commandId = commandIdOf(node);

  if (!node.target) {
    if (help && args.length === 0) return showHelp(call, groupHelp(definition, node));
    throw unknownCommand(definition, node, args[0]);
  }
  await runTarget(call, node, node.target, args, help);
}

/** A missing or unknown command word: one line, the closest word as a suggestion, and where to look. */
function unknownCommand(definition: ConnectorDefinition, node: TreeNode, unknown: string | undefined): UsageError {
  const available = [...node.children.keys()];
  const group = node.path.join(' ');
  const hint = `Run "${[definition.tool, ...node.path].join(' ')} --help".`;
  if (unknown === undefined || unknown.startsWith('-')) {
    const message = `${group ? `"${group}"` : definition.tool} needs a command: ${available.join(', ')}`;
    return new UsageError(message, { details: { available }, hint });
  }
  const candidates = node.path.length === 0 ? [...available, 'mcp', 'completion', 'help'] : available;
  const match = suggest(unknown, candidates);
  const where = group ? `"${group}" ` : '';
  const message = match
    ? `Unknown ${where}command "${unknown}"; did you mean "${match}"?`
    : `Unknown ${where}command "${unknown}"; expected one of: ${available.join(', ')}`;
  return new UsageError(message, { details: { available, ...(match ? { suggestion: match } : {}) }, hint });
}

async function runTarget(call: Call, node: TreeNode, target: Target, args: string[], help: boolean): Promise<void> {
  const { definition, flags } = call;
  if (target.kind === 'builtin') {
    if (help) return showHelp(call, builtinHelp(definition, node, builtinSummary(target.id)));
    if (args.length > 0) {
      throw new UsageError(`${call.commandId} takes no arguments (got "${args.join(' ')}")`, {
        hint: `Run "${[definition.tool, ...node.path].join(' ')} --help".`,
      });
    }
    return executeBuiltin(call, target.id);
  }
  const command = target.command;
  if (help) return showHelp(call, commandHelp(definition, command));
  const cli = leafCommand(command, definition.tool, GLOBAL_HELP);
  await executeCommand(call, command, flags.inputJson === undefined ? parseCommandArgs(command, cli, args) : jsonInput(command, flags.inputJson, args));
}

/** `--input-json '{"repo":"o/r"}'`: the arguments as one JSON object, keys as in the input schema. */
function jsonInput(command: CommandDefinition, text: string, args: string[]): CommandInput {
  if (args.length > 0) return { values: {}, problem: `Give ${command.id}'s arguments either as flags or as --input-json, not both (got "${args.join(' ')}")` };
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    return { values: {}, problem: `--input-json is not valid JSON: ${(error as Error).message}` };
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return { values: {}, problem: '--input-json must be a JSON object of the command\'s arguments' };
  return { values: values as Record<string, unknown>, strictKeys: true };
}

function showHelp(call: Call, text: string): void {
  call.output.text(call.commandId || 'help', text, { help: text });
}

/** `aos-<name> mcp`: this connector's commands as MCP tools over stdio, in the session's mode. */
async function serveMcp(call: Call, io: ConnectorIO, args: string[]): Promise<void> {
  const { definition, flags } = call;
  call.commandId = 'mcp';
  if (args.length > 0) throw new UsageError(`mcp takes no arguments (got "${args.join(' ')}")`, { hint: `Run "${definition.tool} --help".` });
  if (!io.stdin || !io.rawStdout) throw new UsageError('mcp serves over the process stdio; start it from the bin');
  if (!io.serveMcp) throw new UsageError(`This build of ${definition.tool} has no MCP bridge; build it with "aos-connector bundle"`);
  await io.serveMcp(definition, { mode: flags.mode, timeoutMs: flags.timeoutMs, env: io.env, stdin: io.stdin, stdout: io.rawStdout, stderr: call.stderr });
}

/** `aos-<name> completion bash|zsh|fish`: a completion script generated from the definition. */
function printCompletion(call: Call, args: string[]): void {
  const { definition, flags } = call;
  call.commandId = 'completion';
  const usage = `Run "${definition.tool} completion bash", "zsh" or "fish" and source its output.`;
  if (flags.help) return showHelp(call, `Usage: ${definition.tool} completion bash|zsh|fish\n\nPrints a shell completion script for ${definition.tool}.\n  bash: source <(${definition.tool} completion bash)\n  zsh:  source <(${definition.tool} completion zsh)\n  fish: ${definition.tool} completion fish | source\n`);
  const [shell, ...extra] = args;
  if (shell === undefined) throw new UsageError('completion needs a shell: bash, zsh or fish', { hint: usage });
  if (extra.length > 0) throw new UsageError(`completion takes one shell (got "${args.join(' ')}")`, { hint: usage });
  if (shell !== 'bash' && shell !== 'zsh' && shell !== 'fish') {
    const match = suggest(shell, ['bash', 'zsh', 'fish']);
    throw new UsageError(`Unknown shell "${shell}"${match ? `; did you mean "${match}"?` : '; expected bash, zsh or fish'}`, {
      details: { shells: ['bash', 'zsh', 'fish'] },
      hint: usage,
    });
  }
  const script = completionScript(definition, shell);
  call.output.text('completion', script, { shell, script });
}
