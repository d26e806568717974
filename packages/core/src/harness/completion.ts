import { BUILTIN_COMMANDS } from '@aos-connectors/contract';
import type * as z from 'zod';
import { commandInputSchema } from './command-input.js';
import { flagName } from './parse-args.js';
import type { ConnectorDefinition } from './types.js';
import { fieldChoices } from './zod-introspect.js';

export type Shell = 'bash' | 'zsh' | 'fish';

/** What a completion script completes: command words per node, flags per command, values per flag. */
export interface CompletionSpec {
  /** The program, e.g. `aos-github`. */
  program: string;
  /** Words that may follow each node (`''` is the program itself; a node is its words joined by spaces). */
  children: Map<string, string[]>;
  /** Flags of each command node. */
  flags: Map<string, string[]>;
  /** Values of a flag: key `<node> --<flag>`; a key starting with `*` applies at any node. */
  values: Map<string, string[]>;
  /** Flags accepted everywhere. */
  globals: string[];
}

const GLOBAL_FLAGS = ['--json', '--mode', '--dry-run', '--timeout-ms', '--fields', '--input-json', '--verbose', '--version', '--help'];
const MODES = ['readonly', 'write', 'full', 'admin'];
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];
/** A word a shell script can carry unquoted in a word list. */
const plain = (word: string) => /^[A-Za-z0-9_.:@%+=,/-]+$/.test(word);

/** The completion data of a connector, from its definition. */
export function connectorCompletion(definition: ConnectorDefinition): CompletionSpec {
  const children = new Map<string, string[]>();
  const flags = new Map<string, string[]>();
  const values = new Map<string, string[]>([['* --mode', MODES]]);
  const addPath = (words: string[]) => {
    words.forEach((word, index) => {
      const parent = words.slice(0, index).join(' ');
      const list = children.get(parent) ?? [];
      if (!list.includes(word)) list.push(word);
      children.set(parent, list);
    });
  };
  for (const command of definition.commands) {
    const words = command.id.split('.');
    addPath(words);
    const node = words.join(' ');
    const shape = commandInputSchema(command).shape as Record<string, z.ZodType>;
    flags.set(node, Object.keys(shape).map((key) => `--${flagName(key)}`));
    for (const [key, schema] of Object.entries(shape)) {
      const choices = fieldChoices(schema)?.filter(plain);
      if (choices?.length) values.set(`${node} --${flagName(key)}`, choices);
    }
  }
  for (const id of BUILTIN_COMMANDS) addPath(id.split('.'));
  addPath(['mcp']);
  addPath(['help']);
  for (const shell of SHELLS) addPath(['completion', shell]);
  return { program: definition.tool, children, flags, values, globals: GLOBAL_FLAGS };
}

/** A connector's completion script for one shell. */
export function completionScript(definition: ConnectorDefinition, shell: Shell): string {
  return renderCompletion(connectorCompletion(definition), shell);
}

const fnName = (program: string) => `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A shell `case` body (bash and zsh share the syntax) printing a word list per key. */
function shCase(map: Map<string, string[]>, indent = '    '): string {
  return [...map]
    .sort(([a], [b]) => Number(a.startsWith('*')) - Number(b.startsWith('*')))
    .map(([key, words]) => `${indent}${key.startsWith('*') ? `*"${key.slice(1)}"` : `"${key}"`}) echo "${words.filter(plain).join(' ')}" ;;`)
    .join('\n');
}

function fishSwitch(map: Map<string, string[]>): string {
  return [...map]
    .sort(([a], [b]) => Number(a.startsWith('*')) - Number(b.startsWith('*')))
    .map(([key, words]) => `    case '${key}'\n      printf '%s\\n' ${words.filter(plain).join(' ')}`)
    .join('\n');
}

/**
 * Renders the completion script. The script finds the command typed so far by walking the
 * words that are known children (flags and flag values are skipped), then completes a flag's
 * value, a flag, or the next command word. `help` before a command completes like the command.
 */
export function renderCompletion(spec: CompletionSpec, shell: Shell): string {
  const fn = fnName(spec.program);
  const globals = spec.globals.join(' ');
  if (shell === 'fish') {
    const ff = `__${fn.slice(1)}`;
    return `# fish completion for ${spec.program} (generated from its definition)
# Load it with: ${spec.program} completion fish | source
function ${ff}_children
  switch $argv[1]
${fishSwitch(spec.children)}
  end
end

function ${ff}_flags
  switch $argv[1]
${fishSwitch(spec.flags)}
  end
end

function ${ff}_values
  switch $argv[1]
${fishSwitch(spec.values)}
  end
end

function ${ff}_complete
  set -l tokens (commandline -opc)
  set -l cur (commandline -ct)
  set -l node ''
  for w in $tokens[2..-1]
    string match -q -- '-*' $w; and continue
    if test -z "$node" -a "$w" = help; continue; end
    set w (string replace -a -- - _ $w)
    if contains -- $w (${ff}_children "$node")
      set node (string trim -- "$node $w")
    end
  end
  set -l prev $tokens[-1]
  if string match -q -- '--*' $prev
    set -l vals (${ff}_values "$node $prev")
    if test (count $vals) -gt 0
      printf '%s\\n' $vals
      return
    end
  end
  if string match -q -- '-*' $cur
    ${ff}_flags "$node"
    printf '%s\\n' ${globals}
    return
  end
  ${ff}_children "$node"
end

complete -c ${spec.program} -f -a '(${ff}_complete)'
`;
  }
  const helpers = `${fn}_children() {
  case "$1" in
${shCase(spec.children)}
  esac
}
${fn}_flags() {
  case "$1" in
${shCase(spec.flags)}
  esac
}
${fn}_values() {
  case "$1" in
${shCase(spec.values)}
  esac
}`;
  if (shell === 'zsh') {
    return `#compdef ${spec.program}
# zsh completion for ${spec.program} (generated from its definition)
# Load it with: source <(${spec.program} completion zsh)
${helpers}
${fn}() {
  local node="" w kids vals
  for w in \${words[2,CURRENT-1]}; do
    [[ $w == -* ]] && continue
    [[ -z $node && $w == help ]] && continue
    w=\${w//-/_}
    kids=" $(${fn}_children "$node") "
    [[ $kids == *" $w "* ]] && node="\${node:+$node }$w"
  done
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  if [[ $prev == --* ]]; then
    vals=$(${fn}_values "$node $prev")
    if [[ -n $vals ]]; then compadd -- \${=vals}; return; fi
  fi
  if [[ $cur == -* ]]; then
    compadd -- \${=$(${fn}_flags "$node")} ${globals}
    return
  fi
  compadd -- \${=$(${fn}_children "$node")}
}
compdef ${fn} ${spec.program}
`;
  }
  return `# bash completion for ${spec.program} (generated from its definition)
# Load it with: source <(${spec.program} completion bash)
${helpers}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local node="" w kids vals i
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ $w == -* ]] && continue
    [[ -z $node && $w == help ]] && continue
    w="\${w//-/_}"
    kids=" $(${fn}_children "$node") "
    [[ $kids == *" $w "* ]] && node="\${node:+$node }$w"
  done
  if [[ $prev == --* ]]; then
    vals="$(${fn}_values "$node $prev")"
    if [[ -n $vals ]]; then COMPREPLY=($(compgen -W "$vals" -- "$cur")); return; fi
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(${fn}_flags "$node") ${globals}" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -W "$(${fn}_children "$node")" -- "$cur"))
}
complete -F ${fn} ${spec.program}
`;
}
