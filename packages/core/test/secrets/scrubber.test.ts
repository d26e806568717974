import { describe, expect, it } from 'vitest';
import { fragmentLength, REDACTED, redactUrlsIn, redactUrlsInData, Scrubber, secretForms } from '../../src/secrets/scrubber.js';

const TOKEN = 'wt_canary_9d8f7e6a5b4c3d2e1f';
const PASSWORD = 'p@ss:w0rd/"quoted"\\back';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Every run of `length` characters of the secret; none may survive scrubbing. */
function fragments(secret: string, length: number): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length));
}

function expectNoFragment(output: string, secret: string) {
  for (const fragment of fragments(secret, fragmentLength(secret.length))) expect(output).not.toContain(fragment);
}

describe('Scrubber: the secret itself', () => {
  const scrubber = new Scrubber([TOKEN]);

  it('replaces the secret wherever it occurs', () => {
    expect(scrubber.scrub(`Bearer ${TOKEN} and again ${TOKEN}.`)).toBe(`Bearer ${REDACTED} and again ${REDACTED}.`);
  });

  it('leaves text without secrets untouched, byte for byte', () => {
    const text = 'GET /v1/widgets/7 was refused (HTTP 401): Bad credentials\n\t{"a": "b c"}  ';
    expect(scrubber.scrub(text)).toBe(text);
    expect(scrubber.scrub('')).toBe('');
    expect(scrubber.scrub('short')).toBe('short');
  });

  it('ignores values too short to scrub', () => {
    expect(new Scrubber(['1', 'ab', undefined, '']).active).toBe(false);
    expect(new Scrubber(['1']).scrub('1 + 1')).toBe('1 + 1');
  });
});

describe('Scrubber: a secret in another encoding (issue 11 finding 1)', () => {
  it('catches base64 of SASL PLAIN "\\0user\\0password", whatever the username length', () => {
    const scrubber = new Scrubber([PASSWORD]);
    for (const user of ['', 'a', 'ab', 'abc', 'someone@example.com']) {
      const echoed = `A001 NO AUTHENTICATE failed: ${b64(`\0${user}\0${PASSWORD}`)}`;
      const out = scrubber.scrub(echoed);
      expect(out, user).toContain(REDACTED);
      expect(out).not.toContain(b64(PASSWORD).slice(0, 8));
      // What is left of the blob decodes to nothing containing a third of the password.
      const left = Buffer.from(out.split(': ')[1]!.replace(REDACTED, ''), 'base64').toString('latin1');
      expect(left).not.toContain(PASSWORD.slice(0, 6));
    }
  });

  it('catches base64 of HTTP Basic "user:password", as a header echo', () => {
    const scrubber = new Scrubber([TOKEN]);
    for (const user of ['x', 'ab', 'api', 'widgets-bot']) {
      const out = scrubber.scrub(`{"authorization":"Basic ${b64(`${user}:${TOKEN}`)}"}`);
      expect(out).toContain(REDACTED);
      const blob = out.split('Basic ')[1]!.split('"')[0]!.replace(REDACTED, '');
      expect(Buffer.from(blob, 'base64').toString('latin1')).not.toContain(TOKEN.slice(0, 8));
    }
  });

  it('catches url-safe base64 (JWT-style, no padding) at every alignment', () => {
    const secret = 'k>?~>?~>?~xyzzy-secret-value>>?';
    const scrubber = new Scrubber([secret]);
    for (const prefix of ['', '{', '{"']) {
      const encoded = b64url(`${prefix}${secret}"}`);
      expect(encoded).toMatch(/[-_]/);
      expect(scrubber.scrub(`token=${encoded}`)).toContain(REDACTED);
    }
  });

  it('catches base64 wrapped over lines (MIME, 76 columns)', () => {
    const scrubber = new Scrubber([TOKEN]);
    const blob = b64(`${'x'.repeat(50)}${TOKEN}${'y'.repeat(50)}`);
    const wrapped = blob.match(/.{1,76}/g)!.join('\r\n');
    expect(wrapped.split('\r\n').length).toBeGreaterThan(1);
    const out = scrubber.scrub(wrapped);
    expect(Buffer.from(out.replace(REDACTED, '').replace(/\s/g, ''), 'base64').toString('latin1')).not.toContain(TOKEN.slice(0, 10));
  });

  it('catches URL-encoded forms: encodeURIComponent, lower-case escapes, + for spaces', () => {
    const secret = 'pass word/with&odd=chars';
    const scrubber = new Scrubber([secret]);
    expect(scrubber.scrub(`?p=${encodeURIComponent(secret)}`)).toBe(`?p=${REDACTED}`);
    expect(scrubber.scrub(`?p=${encodeURIComponent(secret).toLowerCase().replace('pass', 'pass')}`)).not.toContain('with%26odd');
    expect(scrubber.scrub(`?${new URLSearchParams({ p: secret })}`)).toBe(`?p=${REDACTED}`);
  });

  it('catches JSON-escaped forms of a secret with a quote or a backslash, once and twice escaped', () => {
    const scrubber = new Scrubber([PASSWORD]);
    const once = JSON.stringify({ message: `bad password ${PASSWORD}` });
    expect(scrubber.scrub(once)).toBe(JSON.stringify({ message: `bad password ${REDACTED}` }));
    const twice = JSON.stringify({ body: once });
    expect(scrubber.scrub(twice)).toBe(JSON.stringify({ body: JSON.stringify({ message: `bad password ${REDACTED}` }) }));
    // Output stays valid JSON.
    expect(() => JSON.parse(scrubber.scrub(twice))).not.toThrow();
  });

  it('catches hex, lower and upper case', () => {
    const scrubber = new Scrubber([TOKEN]);
    const hex = Buffer.from(TOKEN).toString('hex');
    expect(scrubber.scrub(`dump ${hex} end`)).toBe(`dump ${REDACTED} end`);
    expect(scrubber.scrub(`dump ${hex.toUpperCase()} end`)).toBe(`dump ${REDACTED} end`);
  });

  it('catches the base64 of a short password (7 characters) inside SASL PLAIN too', () => {
    const scrubber = new Scrubber(['hunter2']);
    for (const user of ['a', 'ab', 'abc']) {
      const out = scrubber.scrub(b64(`\0${user}\0hunter2`));
      expect(out).toContain(REDACTED);
    }
  });

  it('lists the encodings it knows', () => {
    const forms = secretForms('a b"c/d');
    expect(forms).toEqual(expect.arrayContaining(['a b"c/d', 'a b\\"c/d', 'a b\\"c\\/d', 'a%20b%22c%2Fd', 'a+b%22c%2Fd', b64('a b"c/d').slice(0, 9)]));
  });
});

describe('Scrubber: part of a secret (issue 11 finding 2)', () => {
  const scrubber = new Scrubber([TOKEN]);

  it('redacts half the token, either half', () => {
    const half = TOKEN.length / 2;
    expect(scrubber.scrub(`token prefix ${TOKEN.slice(0, half)}…`)).toBe(`token prefix ${REDACTED}…`);
    expect(scrubber.scrub(`…${TOKEN.slice(half)} was revoked`)).toBe(`…${REDACTED} was revoked`);
    expect(scrubber.scrub(`mid ${TOKEN.slice(7, 7 + half)} mid`)).toBe(`mid ${REDACTED} mid`);
  });

  it('redacts every fragment of the fragment length, and none shorter is needed to hide the token', () => {
    const length = fragmentLength(TOKEN.length);
    expect(length).toBeGreaterThanOrEqual(8);
    expect(length).toBeLessThanOrEqual(TOKEN.length / 2);
    for (const fragment of fragments(TOKEN, length)) expect(scrubber.scrub(`[${fragment}]`)).toBe(`[${REDACTED}]`);
  });

  it('redacts the token with a space, a newline, a tab or a JSON \\n inside', () => {
    for (const cut of [1, 5, 14, 27]) {
      for (const gap of [' ', '\n', '\r\n', '\t', '  ', '\\n']) {
        const broken = TOKEN.slice(0, cut) + gap + TOKEN.slice(cut);
        expect(scrubber.scrub(`echo: ${broken}!`), JSON.stringify(gap)).toBe(`echo: ${REDACTED}!`);
      }
    }
  });

  it('redacts the token spelled out with spaces between every character', () => {
    expect(scrubber.scrub(`x ${TOKEN.split('').join(' ')} y`)).toBe(`x ${REDACTED} y`);
  });

  it('redacts half the token base64-encoded', () => {
    const out = scrubber.scrub(`echo ${b64(TOKEN.slice(0, TOKEN.length / 2))}`);
    expect(out).toContain(REDACTED);
    expectNoFragment(Buffer.from(out.slice(5).replace(REDACTED, ''), 'base64').toString('latin1'), TOKEN);
  });

  it('does not redact short unrelated words, nor runs shorter than the fragment length', () => {
    const text = 'the canary sang; wt_ is a prefix; 9d8f7e is hex; widgets were listed';
    expect(scrubber.scrub(text)).toBe(text);
    expect(scrubber.scrub(TOKEN.slice(3, 3 + fragmentLength(TOKEN.length) - 1))).toBe(TOKEN.slice(3, 3 + fragmentLength(TOKEN.length) - 1));
  });

  it('redacts a short password only whole, never the ordinary words it contains', () => {
    const password = new Scrubber(['hunter2hunter2']);
    expect(fragmentLength('hunter2hunter2'.length)).toBe('hunter2hunter2'.length);
    expect(password.scrub('the hunter2 went hunting with hunter2hunt')).toBe('the hunter2 went hunting with hunter2hunt');
    expect(password.scrub('pw is hunter2 hunter2.')).toBe(`pw is ${REDACTED}.`);
    const word = new Scrubber(['password123']);
    expect(word.scrub('wrong password for user')).toBe('wrong password for user');
  });

  it('redacts fragments of several secrets in one text, overlapping ones merged', () => {
    const other = 'sk_live_51HqA8bC2dE3fG4hI5jK6';
    const both = new Scrubber([TOKEN, other]);
    const out = both.scrub(`a=${TOKEN.slice(0, 14)}${other.slice(10)} b=${other.slice(0, 15)}`);
    expect(out).toBe(`a=${REDACTED} b=${REDACTED}`);
  });
});

describe('Scrubber on a large text', () => {
  // Its cost is measured by bench/scrubber.mjs, not asserted here: a busy machine would fail it.
  it('redacts secrets inside 1 MB of JSON lines and leaves the rest', () => {
    const secrets = [TOKEN, 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'xoxb-2048-4096-AbCdEfGhIjKlMnOpQrStUvWx'];
    const scrubber = new Scrubber(secrets);
    const line = '{"id":123,"name":"widget-123","color":"red","note":"nothing to see here, just JSON"}\n';
    let text = line.repeat(Math.ceil(1_000_000 / line.length));
    text = `${text.slice(0, 300_000)}${secrets[1]}${text.slice(300_000, 700_000)}${b64(`u:${TOKEN}`)}${text.slice(700_000)}`;
    const out = scrubber.scrub(text);
    expect(out).not.toContain(secrets[1]);
    expect(out.split(REDACTED)).toHaveLength(3);
    expect(out.length).toBeGreaterThan(990_000);
  });
});

describe('URL credentials (issue 11 finding 9)', () => {
  it('redacts user info and secret-looking query parameters of URLs inside text', () => {
    expect(redactUrlsIn('https://user:pw@host.example/x')).toBe('https://REDACTED@host.example/x');
    expect(redactUrlsIn('see https://api.example/v1?token=abc&page=2 now')).toBe('see https://api.example/v1?token=%5BREDACTED%5D&page=2 now');
    for (const name of ['api_key', 'apiKey', 'access_token', 'client_secret', 'password', 'X-Amz-Signature', 'X-Amz-Security-Token', 'sig', 'key']) {
      expect(redactUrlsIn(`https://h.example/?${name}=s3cr3t`), name).not.toContain('s3cr3t');
    }
  });

  it('leaves URLs without credentials and other text exactly as written', () => {
    for (const text of ['https://Example.COM', 'https://api.example/v1?page=2&sort=asc', 'not a url: user:pw@host', '']) {
      expect(redactUrlsIn(text)).toBe(text);
    }
  });

  it('walks the strings of data, keys and non-strings untouched', () => {
    const data = { url: 'postgres://admin:hunter2@db.internal/app', list: ['wss://h.example/socket?access_token=t0k'], n: 3, ok: true, none: null };
    expect(redactUrlsInData(data)).toEqual({ url: 'postgres://REDACTED@db.internal/app', list: ['wss://h.example/socket?access_token=%5BREDACTED%5D'], n: 3, ok: true, none: null });
  });
});
