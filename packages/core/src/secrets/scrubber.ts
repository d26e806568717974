/** Values shorter than this are not scrubbed: replacing "1" everywhere would garble output. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[REDACTED]';

/**
 * How much of a secret counts as "the secret" when it shows up in part.
 *
 * - Secrets shorter than 16 characters are most likely passwords people chose, made of words
 *   ("hunter2hunter2"): a part of one is an ordinary word, so only the whole value is redacted
 *   (whitespace inside still tolerated).
 * - Longer ones are tokens and keys (20+ random characters): any fragment of a third of the value
 *   is redacted, but never less than 8 characters (an 8-character run of a random token does not
 *   occur by chance in text: 62^8 ≈ 2·10^14) and never more than 16 (16 random characters are
 *   ~95 bits; for a long key a leaked third would already be too much). Half a token is therefore
 *   always caught (half of 16+ characters is ≥ 8 ≥ the fragment length).
 */
export function fragmentLength(secretLength: number): number {
  if (secretLength < WHOLE_ONLY_BELOW) return secretLength;
  return Math.min(MAX_FRAGMENT, Math.max(SEED, Math.ceil(secretLength / 3)));
}
const WHOLE_ONLY_BELOW = 16;
const MAX_FRAGMENT = 16;
/** Length of the n-grams in the fragment index; also the shortest fragment ever redacted (a power of 2). */
const SEED = 8;
/** Base64 cores shorter than this would match random base64 text too often to be worth it. */
const MIN_BASE64_CORE = 6;

/**
 * Every form a secret travels in, besides itself: inside JSON strings (once and twice escaped,
 * `\/` too), URL-encoded (encodeURIComponent, lower-case escapes, form encoding with `+`), hex,
 * and base64 (standard and url-safe). Base64 forms are the three alignment cores: the secret
 * encoded after 0, 1 and 2 bytes of prefix, keeping only the characters made of the secret's
 * bits alone. Any base64 blob containing the secret (`base64("\0user\0pw")` of SASL PLAIN,
 * `base64("user:pw")` of HTTP Basic, whatever the username) contains one of the three cores.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  forms.add(json);
  forms.add(JSON.stringify(json).slice(1, -1));
  forms.add(json.replaceAll('/', '\\/'));
  const uri = encodeURIComponent(secret);
  forms.add(uri);
  forms.add(uri.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  forms.add(new URLSearchParams([['', secret]]).toString().slice(1));
  const bytes = Buffer.from(secret, 'utf8');
  forms.add(bytes.toString('hex'));
  forms.add(bytes.toString('hex').toUpperCase());
  for (const core of base64Cores(bytes)) {
    forms.add(core);
    forms.add(core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return [...forms];
}

function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let prefix = 0; prefix < 3; prefix++) {
    const encoded = Buffer.concat([Buffer.alloc(prefix), bytes]).toString('base64');
    // Character i carries bits [6i, 6i+6); the secret's bits are [8·prefix, 8·(prefix+length)).
    const first = Math.ceil((8 * prefix) / 6);
    const end = Math.floor((8 * (prefix + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    if (core.length >= MIN_BASE64_CORE) cores.push(core);
  }
  return cores;
}

// ---- whitespace-tolerant scanning -------------------------------------------------------------
// A secret printed with whitespace inside ("wt_ab cd", a line break, a JSON `\n`) is still the
// secret: matching compares only significant characters, skipping whitespace and the JSON escapes
// \n, \r and \t on both sides.

const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
const isEscapedSpace = (c: number) => c === 0x6e || c === 0x72 || c === 0x74; // n r t

/** Index of the first significant character at or after i (text.length if none). */
function nextSignificant(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i += 1;
    else if (c === BACKSLASH && i + 1 < n && isEscapedSpace(text.charCodeAt(i + 1))) i += 2;
    else return i;
  }
  return n;
}

/** Index of the last significant character strictly before i (-1 if none). */
function previousSignificant(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (isSpace(c)) j -= 1;
    else if (isEscapedSpace(c) && j > 0 && text.charCodeAt(j - 1) === BACKSLASH) j -= 2;
    else return j;
  }
  return -1;
}

function significantOnly(text: string): string {
  let out = '';
  for (let i = nextSignificant(text, 0); i < text.length; i = nextSignificant(text, i + 1)) out += text[i];
  return out;
}

// Polynomial hash of SEED character codes, modulo 2^32, rolled one character at a time.
const BASE = 0x01000193;
let basePower = 1;
for (let k = 1; k < SEED; k++) basePower = Math.imul(basePower, BASE);
const SEED_POWER = basePower;
/** Form id and offset share one number in the index: id * OFFSET_SPAN + offset. */
const OFFSET_SPAN = 2 ** 24;
const FILTER_BITS = 16;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

function seedHash(text: string, at: number): number {
  let h = 0;
  for (let k = 0; k < SEED; k++) h = (Math.imul(h, BASE) + text.charCodeAt(at + k)) | 0;
  return h;
}

interface IndexedForm {
  text: string;
  /** Shortest run of this form that is redacted. */
  minimum: number;
}

/**
 * Removes every known secret value from text, in any of its encodings, in part, or with whitespace
 * inside. Built once per invocation from the secrets the host injected; applied to every byte
 * written to stdout, stderr and the audit log.
 *
 * Cost: one pass over the text with a rolling hash of the last 8 significant characters, looked up
 * in an index of the secret forms' 8-grams (a bit filter first, then a Map); a hit is verified and
 * extended both ways. Forms too short for the index (secrets under 8 characters) are replaced whole.
 */
export class Scrubber {
  /** Forms too short for the fragment index, longest first. */
  private readonly exact: string[] = [];
  private readonly forms: IndexedForm[] = [];
  private readonly index = new Map<number, number[]>();
  private readonly filter = new Uint8Array((1 << FILTER_BITS) / 8);

  constructor(values: Iterable<string | undefined>) {
    const secrets = new Set<string>();
    for (const value of values) if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
    const exact = new Set<string>();
    const indexed = new Map<string, number>();
    for (const secret of secrets) {
      const length = significantOnly(secret).length;
      const fragment = fragmentLength(length);
      for (const form of secretForms(secret)) {
        const text = significantOnly(form);
        if (text.length < SEED) {
          if (form.length >= MIN_SECRET_LENGTH) exact.add(form);
          continue;
        }
        // Encodings are longer than the secret: scale the fragment length with them.
        const minimum = fragment === length ? text.length : Math.max(SEED, Math.ceil((fragment * text.length) / length));
        indexed.set(text, Math.min(minimum, indexed.get(text) ?? Infinity));
      }
    }
    this.exact = [...exact].sort((a, b) => b.length - a.length);
    for (const [text, minimum] of indexed) {
      const id = this.forms.push({ text, minimum }) - 1;
      for (let offset = 0; offset + SEED <= text.length; offset++) {
        const h = seedHash(text, offset);
        const entries = this.index.get(h);
        // Entries pack form id and offset in one number.
        if (entries) entries.push(id * OFFSET_SPAN + offset);
        else this.index.set(h, [id * OFFSET_SPAN + offset]);
        this.filter[(h & FILTER_MASK) >>> 3]! |= 1 << (h & 7);
      }
    }
  }

  get active(): boolean {
    return this.exact.length > 0 || this.forms.length > 0;
  }

  scrub(text: string): string {
    let out = this.forms.length > 0 ? this.redactIndexed(text) : text;
    for (const secret of this.exact) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  private redactIndexed(text: string): string {
    const n = text.length;
    if (n < SEED) return text;
    const ranges: number[] = [];
    // The last SEED significant characters (a ring of positions and codes), and their rolling hash.
    const positions = new Int32Array(SEED);
    const codes = new Int32Array(SEED);
    const filter = this.filter;
    let filled = 0;
    let h = 0;
    let coveredEnd = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c <= 0x20 || c === BACKSLASH || c === 0xa0) {
        if (isSpace(c)) continue;
        if (c === BACKSLASH && i + 1 < n && isEscapedSpace(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
      }
      const slot = filled & (SEED - 1);
      if (filled >= SEED) h = (h - Math.imul(codes[slot]!, SEED_POWER)) | 0;
      h = (Math.imul(h, BASE) + c) | 0;
      positions[slot] = i;
      codes[slot] = c;
      filled++;
      if (filled < SEED || i < coveredEnd) continue;
      if ((filter[(h & FILTER_MASK) >>> 3]! & (1 << (h & 7))) === 0) continue;
      const entries = this.index.get(h);
      if (!entries) continue;
      const windowStart = positions[filled & (SEED - 1)]!;
      for (const entry of entries) {
        const form = this.forms[Math.floor(entry / OFFSET_SPAN)]!;
        const offset = entry % OFFSET_SPAN;
        const match = this.extend(text, form.text, offset, windowStart);
        if (match && match.length >= form.minimum) {
          ranges.push(match.start, match.end);
          if (match.end > coveredEnd) coveredEnd = match.end;
        }
      }
    }
    return ranges.length > 0 ? applyRanges(text, ranges) : text;
  }

  /** Verifies the seed at windowStart against form[offset..] and extends it both ways. */
  private extend(text: string, form: string, offset: number, windowStart: number) {
    let j = windowStart;
    let end = windowStart;
    let k = offset;
    while (k < form.length && j < text.length && text.charCodeAt(j) === form.charCodeAt(k)) {
      end = j + 1;
      k++;
      j = nextSignificant(text, j + 1);
    }
    if (k < offset + SEED) return undefined; // hash collision
    let length = k - offset;
    let start = windowStart;
    k = offset - 1;
    j = previousSignificant(text, windowStart);
    while (k >= 0 && j >= 0 && text.charCodeAt(j) === form.charCodeAt(k)) {
      start = j;
      length++;
      k--;
      j = previousSignificant(text, j);
    }
    return { start, end, length };
  }
}

function applyRanges(text: string, flat: number[]): string {
  const ranges: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) ranges.push([flat[i]!, flat[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  let current: [number, number] | undefined;
  for (const range of ranges) {
    if (current && range[0] <= current[1]) {
      current[1] = Math.max(current[1], range[1]);
      continue;
    }
    if (current) {
      out += text.slice(at, current[0]) + REDACTED;
      at = current[1];
    }
    current = [range[0], range[1]];
  }
  if (current) {
    out += text.slice(at, current[0]) + REDACTED;
    at = current[1];
  }
  return out + text.slice(at);
}

// ---- URLs --------------------------------------------------------------------------------------

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|private-token)$/i;
/** Query parameters that carry credentials: exact short names, or names containing a telling word. */
const SENSITIVE_PARAM = /^(key|sig|auth|apikey|pwd|passwd)$|token|secret|password|api[_-]?key|signature|credential|session/i;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SENSITIVE_HEADER.test(name) ? REDACTED : value;
  return out;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = parsed.username ? 'REDACTED' : '';
      parsed.password = '';
    }
    for (const name of [...parsed.searchParams.keys()]) {
      if (SENSITIVE_PARAM.test(name)) parsed.searchParams.set(name, REDACTED);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Whether an absolute URL carries credentials (user info, or a secret-looking query parameter). */
function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return Boolean(parsed.username || parsed.password) || [...parsed.searchParams.keys()].some((name) => SENSITIVE_PARAM.test(name));
  } catch {
    return false;
  }
}

const ABSOLUTE_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/**
 * Redacts the credentials of every absolute URL in a text (`https://user:pw@host/`,
 * `?token=…`, `?api_key=…`); URLs without credentials, and all other text, are left as they are.
 */
export function redactUrlsIn(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(ABSOLUTE_URL, (url) => (hasCredentials(url) ? redactUrl(url) : url));
}

/** redactUrlsIn applied to every string (not keys) inside JSON-like data; other values kept. */
export function redactUrlsInData<T>(value: T): T {
  if (typeof value === 'string') return redactUrlsIn(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactUrlsInData(item)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactUrlsInData(item)])) as T;
  }
  return value;
}
