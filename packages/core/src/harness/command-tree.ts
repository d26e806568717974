import { BUILTIN_COMMANDS, type BuiltinId } from '@aos-connectors/contract';
import type { CommandDefinition, ConnectorDefinition } from './types.js';

export type { BuiltinId };

export type Target = { kind: 'command'; command: CommandDefinition } | { kind: 'builtin'; id: BuiltinId };

export interface TreeNode {
  word: string;
  path: string[];
  children: Map<string, TreeNode>;
  target?: Target;
}



/** `_` and `-` are the same inside a segment (CONTRACT §1). */
export const normalizeWord = (word: string) => word.toLowerCase().replaceAll('-', '_');

export function buildTree(definition: ConnectorDefinition): TreeNode {
  const root: TreeNode = { word: '', path: [], children: new Map() };
  const add = (id: string, target: Target) => {
    let node = root;
    for (const word of id.split('.')) {
      let child = node.children.get(word);
      if (!child) {
        child = { word, path: [...node.path, word], children: new Map() };
        node.children.set(word, child);
      }
      node = child;
    }
    node.target = target;
  };
  for (const id of BUILTIN_COMMANDS) add(id, { kind: 'builtin', id });
  for (const command of definition.commands) add(command.id, { kind: 'command', command });
  return root;
}

/** Walks argv words down the tree; stops at the first flag, at a command, or at an unknown word. */
export function resolvePath(root: TreeNode, words: readonly string[]): { node: TreeNode; consumed: number } {
  let node = root;
  let consumed = 0;
  while (consumed < words.length && !node.target) {
    const word = words[consumed]!;
    if (word.startsWith('-')) break;
    const child = node.children.get(normalizeWord(word));
    if (!child) break;
    node = child;
    consumed++;
  }
  return { node, consumed };
}

export function commandIdOf(node: TreeNode): string {
  return node.path.join('.');
}
