/** Values shorter than this are not scrubbed: replacing "1" everywhere would garble output. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[REDACTED]';

/**
 * Removes every known secret value from text. Built once per invocation from the secrets the
 * host injected; applied to every byte written to stdout, stderr and the audit log.
 */
export class Scrubber {
  private readonly secrets: string[];

  constructor(values: Iterable<string | undefined>) {
    const unique = new Set<string>();
    for (const value of values) {
      if (value && value.length >= MIN_SECRET_LENGTH) {
        unique.add(value);
        // Secrets also leak in encoded form (URLs, Basic auth).
        unique.add(encodeURIComponent(value));
        unique.add(Buffer.from(value).toString('base64'));
        unique.add(JSON.stringify(value).slice(1, -1));
      }
    }
    // Longest first, so a secret that contains another is removed whole.
    this.secrets = [...unique].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  get active(): boolean {
    return this.secrets.length > 0;
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }
}

const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|private-token)$/i;
const SENSITIVE_PARAM = /^(token|access_token|api_key|apikey|key|secret|client_secret|password|sig|signature|auth)$/i;

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
