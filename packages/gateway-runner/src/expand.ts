/** `${NAME}`, `${NAME:-default}` or `$$` (a literal `$`). */
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export interface Expansion {
  value: string;
  /** Variables referenced without a default and not set. */
  missing: string[];
}

/**
 * Shell-style expansion of one string: `${VAR}` is the variable's value (empty counts as set),
 * `${VAR:-default}` falls back when it is unset or empty, `$$` is a literal `$`. Nothing else
 * is interpreted: no commands, no nesting.
 */
export function expandString(text: string, env: Record<string, string | undefined>): Expansion {
  const missing: string[] = [];
  const value = text.replace(REFERENCE, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === '$$') return '$';
    const current = env[name!];
    if (fallback !== undefined) return current ? current : fallback;
    if (current === undefined) {
      missing.push(name!);
      return '';
    }
    return current;
  });
  return { value, missing };
}

/** Where an unset variable was referenced, e.g. `instances[0].env.TELEGRAM_BOT_TOKEN`. */
export interface MissingVariable {
  name: string;
  path: string;
}

/** Expands every string inside `value` (objects, arrays), collecting unset variables with their path. */
export function expandDeep(value: unknown, env: Record<string, string | undefined>, path = '', missing: MissingVariable[] = []): { value: unknown; missing: MissingVariable[] } {
  if (typeof value === 'string') {
    const result = expandString(value, env);
    for (const name of result.missing) missing.push({ name, path });
    return { value: result.value, missing };
  }
  if (Array.isArray(value)) {
    return { value: value.map((item, index) => expandDeep(item, env, `${path}[${index}]`, missing).value), missing };
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, expandDeep(item, env, path ? `${path}.${key}` : key, missing).value]);
    return { value: Object.fromEntries(entries), missing };
  }
  return { value, missing };
}
