/** The first place two JSON values differ (`commands[1].required_mode: "write" vs "admin"`), or undefined. */
export function firstDifference(actual: unknown, expected: unknown, path = ''): string | undefined {
  const where = path || '(root)';
  if (Array.isArray(actual) && Array.isArray(expected)) {
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      if (i >= actual.length) return `${path}[${i}] is missing (expected ${show(expected[i])})`;
      if (i >= expected.length) return `${path}[${i}] is extra (${show(actual[i])})`;
      const diff = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return undefined;
  }
  if (isObject(actual) && isObject(expected)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const next = path ? `${path}.${key}` : key;
      if (!(key in actual)) return `${next} is missing (expected ${show(expected[key])})`;
      if (!(key in expected)) return `${next} is not in the definition (${show(actual[key])})`;
      const diff = firstDifference(actual[key], expected[key], next);
      if (diff) return diff;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${where}: ${show(actual)} where the definition gives ${show(expected)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
