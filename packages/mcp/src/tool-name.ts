/** MCP tool names must match this (MCP spec, tools/list). */
export const MCP_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_LENGTH = 64;

/** 32-bit FNV-1a as 8 hex digits: a short, stable suffix that keeps truncated names distinct. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const clean = (text: string) => text.replace(/[^a-zA-Z0-9_-]/g, '_');

/** The host's prefix for a connector's tools: `aos-github` → `github`. */
export function toolPrefix(tool: string): string {
  return clean(tool.replace(/^aos-/, '')) || 'aos';
}

/**
 * `issue.list` → `issue_list`; with a prefix, `github__issue_list` (a double underscore,
 * since single ones already join words). Over 64 characters, the name keeps its start and
 * ends in a hash of the whole, so two long ids never truncate to the same name.
 */
export function mcpToolName(commandId: string, prefix?: string): string {
  const base = clean(commandId.replaceAll('.', '_'));
  const name = prefix ? `${prefix}__${base}` : base;
  if (name.length <= MAX_LENGTH) return name;
  const hash = shortHash(name);
  return `${name.slice(0, MAX_LENGTH - hash.length - 1)}_${hash}`;
}

/**
 * Names unique within one server: dotted ids can flatten to the same name (`a.b_c`, `a_b.c`);
 * later ones get `_2`, `_3`, in declaration order, so a name is stable for a given manifest.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) {
      const suffix = `_${n}`;
      candidate = `${name.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(candidate);
    return candidate;
  });
}
