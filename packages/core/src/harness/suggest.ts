/**
 * "Did you mean …?" for a mistyped command word or flag: the closest candidate by
 * Damerau-Levenshtein distance (a swap of two neighbours counts as one edit), within 2 edits
 * (1 for words of up to 3 letters), or the only candidate the word is a prefix of.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const normalize = (word: string) => word.toLowerCase().replaceAll('-', '_');

/** The best suggestion for `word` among `candidates`, or undefined when none is close. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const typed = normalize(word);
  if (!typed) return undefined;
  const list = [...new Set(candidates)];
  const limit = typed.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(typed, normalize(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  const prefixed = list.filter((candidate) => typed.length >= 2 && normalize(candidate).startsWith(typed));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
