/**
 * Terminal control sequences: CSI (`ESC [` … final byte), OSC / DCS / SOS / PM / APC strings
 * (up to BEL or ST, or the end of the text when unterminated), their 8-bit C1 forms, and the
 * two-byte `ESC x` escapes. Third-party text carrying them could rewrite a person's terminal
 * (titles, hyperlinks, cursor moves) or hide text from a reviewer.
 */
const CONTROL_SEQUENCE = new RegExp(
  [
    '\\u001b\\[[0-?]*[ -/]*[@-~]',
    '\\u009b[0-?]*[ -/]*[@-~]',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u001b[ -/]*[0-~]',
  ].join('|'),
  'g',
);

/** C0 controls except TAB and LF, DEL, and C1 controls. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes escape sequences and control characters (keeping `\n` and `\t`; CRLF becomes LF). */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}

/**
 * Sanitizes every string inside JSON-like data, object keys included. Returns new containers;
 * values that are not plain arrays or objects (numbers, booleans, null) pass through. Walks with
 * an explicit stack, not recursion: data nested thousands deep cannot overflow the call stack.
 */
export function sanitizeData<T>(value: T): T {
  const seen = new WeakSet<object>();
  // Each task fills one slot of a container already created: `set(cleanValue)`.
  const root: { value?: unknown } = {};
  const stack: { source: unknown; set: (value: unknown) => void }[] = [{ source: value, set: (v) => (root.value = v) }];
  while (stack.length > 0) {
    const { source, set } = stack.pop()!;
    if (typeof source === 'string') {
      set(sanitizeText(source));
      continue;
    }
    if (!source || typeof source !== 'object' || seen.has(source)) {
      set(source);
      continue;
    }
    if (Array.isArray(source)) {
      seen.add(source);
      const out: unknown[] = new Array(source.length);
      set(out);
      for (let i = 0; i < source.length; i++) stack.push({ source: source[i], set: (v) => (out[i] = v) });
      continue;
    }
    const prototype = Object.getPrototypeOf(source);
    if (prototype !== Object.prototype && prototype !== null) {
      set(source);
      continue;
    }
    seen.add(source);
    const out: Record<string, unknown> = {};
    set(out);
    for (const [key, member] of Object.entries(source)) {
      const name = sanitizeText(key);
      Object.defineProperty(out, name, { value: undefined, enumerable: true, writable: true, configurable: true });
      stack.push({ source: member, set: (v) => (out[name] = v) });
    }
  }
  return root.value as T;
}
