/**
 * Pattern matching for policy lists. `*` matches any run of characters (dots included, so
 * `issue.*` covers `issue.comment.create` and `*.github.com` covers `a.b.github.com` but not
 * `github.com` itself); `?` matches one character. Matching ignores case.
 */
export function globMatches(pattern: string, value: string): boolean {
  return globToRegExp(pattern).test(value);
}

const cache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let regex = cache.get(pattern);
  if (!regex) {
    const body = pattern
      .toLowerCase()
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${body}$`, 'is');
    cache.set(pattern, regex);
  }
  return regex;
}

/** Whether a command id matches any of the patterns. */
export function matchesCommand(patterns: readonly string[], commandId: string): boolean {
  return patterns.some((pattern) => globMatches(pattern, commandId));
}

/** Lowercase, no IPv6 brackets, no trailing root dot. */
export function normalizeHost(host: string): string {
  let name = host.trim().toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) name = name.slice(1, -1);
  if (name.endsWith('.')) name = name.slice(0, -1);
  return name;
}
