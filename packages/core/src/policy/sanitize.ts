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
 * values that are not plain arrays or objects (numbers, booleans, null) pass through.
 */
export function sanitizeData<T>(value: T): T {
  return clean(value, new WeakSet()) as T;
}

function clean(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => clean(item, seen));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    Object.defineProperty(out, sanitizeText(key), { value: clean(member, seen), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
