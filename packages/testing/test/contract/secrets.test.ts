import { http, HttpResponse } from 'msw';
import { afterAll, describe, expect, it } from 'vitest';
import { useMockApi } from '../../src/index.js';
import { API, cli, seenOutputs, TOKEN, widget } from '../helpers.js';

// CONTRACT §2: secrets never appear on stdout, stderr or in the audit log, in any mode, in any
// encoding or fragment (issue 11 findings 1, 2 and 9).

const api = useMockApi();
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Ten characters of the token are already too many to print (the scrubber's bar is lower). */
const FRAGMENT = 10;
const windows = (text: string, size: number) => Array.from({ length: Math.max(0, text.length - size + 1) }, (_, i) => text.slice(i, i + size));

/**
 * Every trace of the token an output could carry: its 10-character fragments, as they are and
 * with whitespace removed (the token printed with spaces inside), and 14-character windows of the
 * base64 of the token behind 0, 1 and 2 bytes (so base64 of `user:token` is covered whatever the
 * username), 3 characters in from the edges that depend on the neighbouring bytes.
 */
const TRACES = [
  ...windows(TOKEN, FRAGMENT),
  ...['', 'x', 'xy'].flatMap((prefix) => {
    const encoded = b64(prefix + TOKEN).replace(/=+$/, '');
    return windows(encoded.slice(3, -3), 14);
  }),
];

function expectNoTrace(texts: string[]) {
  for (const text of texts) {
    const squeezed = text.replace(/\s|\\[nrt]/g, '');
    for (const trace of TRACES) {
      expect(text).not.toContain(trace);
      expect(squeezed).not.toContain(trace);
    }
  }
}

/** The widget's GET answers with `body` (401), and the CLI runs with --verbose too. */
async function echoed(message: string) {
  api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json({ message, echo: { detail: message } }, { status: 401 })));
  const results = [await cli(['--json', '--verbose', 'widget', 'get', '7']), await cli(['--verbose', 'widget', 'get', '7'])];
  for (const result of results) expect(result.exitCode).toBe(4);
  const texts = results.flatMap((result) => [result.stdout, result.stderr, JSON.stringify(result.audit())]);
  // The vendor's words around the echo are still shown: only the secret goes.
  expect(results[0]!.stdout).toContain('[REDACTED]');
  return texts;
}

describe('a vendor echoing the token in another encoding (issue 11 finding 1)', () => {
  it('base64 of a Basic "user:token" credential, for usernames of every length mod 3', async () => {
    for (const user of ['bot', 'bots', 'widgets-bot']) expectNoTrace(await echoed(`invalid credentials Basic ${b64(`${user}:${TOKEN}`)}`));
  });

  it('base64 of a SASL PLAIN "\\0user\\0token" line, for usernames of every length mod 3', async () => {
    for (const user of ['a', 'ab', 'abc']) expectNoTrace(await echoed(`AUTHENTICATE PLAIN ${b64(`\0${user}\0${TOKEN}`)} rejected`));
  });

  it('URL-encoded in an echoed query string, and url-safe base64', async () => {
    const odd = `${TOKEN}/+=`;
    const texts = await echoed(`GET /v1?token=${encodeURIComponent(odd)} sig=${Buffer.from(`:${TOKEN}`).toString('base64url')}`);
    expectNoTrace(texts);
    for (const text of texts) expect(text).not.toContain(encodeURIComponent(odd).slice(4, 20));
  });

  it('hex-encoded', async () => {
    const hex = Buffer.from(TOKEN).toString('hex');
    const texts = await echoed(`key digest ${hex}`);
    for (const text of texts) for (const trace of windows(hex, 20)) expect(text).not.toContain(trace);
  });
});

describe('a vendor echoing part of the token (issue 11 finding 2)', () => {
  it('half the token, either half', async () => {
    const half = TOKEN.length / 2;
    expectNoTrace(await echoed(`token ${TOKEN.slice(0, half)}… is revoked`));
    expectNoTrace(await echoed(`token …${TOKEN.slice(half)} is revoked`));
  });

  it('the token with spaces inside', async () => {
    expectNoTrace(await echoed(`token ${TOKEN.match(/.{1,4}/g)!.join(' ')} unknown`));
  });

  it('the token broken over lines (a newline, as JSON prints it `\\n`)', async () => {
    expectNoTrace(await echoed(`token ${TOKEN.slice(0, 9)}\n${TOKEN.slice(9, 19)}\r\n${TOKEN.slice(19)} unknown`));
  });

  it('base64 of half the token', async () => {
    const texts = await echoed(`prefix ${b64(TOKEN.slice(0, TOKEN.length / 2))}`);
    for (const text of texts) expect(text).not.toContain(b64(TOKEN.slice(0, TOKEN.length / 2)).slice(0, 12));
  });

  it('still prints ordinary vendor text and short look-alikes', async () => {
    api.server.use(http.get(`${API}/widgets/7`, () => HttpResponse.json({ message: 'Bad credentials for wt_ tokens (canary 9d8f)' }, { status: 401 })));
    const result = await cli(['--json', 'widget', 'get', '7']);
    expect(result.json().error.message).toContain('Bad credentials for wt_ tokens (canary 9d8f)');
  });
});

describe('credentials inside URLs (issue 11 finding 9)', () => {
  it('config show redacts URL user info and secret query parameters in setting values', async () => {
    const result = await cli(['--json', 'config', 'show'], {
      WIDGETS_API_URL: 'https://bob:pw-s3cret-1@api.widgets.test/v1',
      WIDGETS_TEAM: 'https://teams.widgets.test/t?access_token=team-s3cret-2&page=2',
    });
    const settings = Object.fromEntries(result.json().data.settings.map((s: { name: string; value: string }) => [s.name, s.value]));
    expect(settings.WIDGETS_API_URL).toBe('https://REDACTED@api.widgets.test/v1');
    expect(settings.WIDGETS_TEAM).toBe('https://teams.widgets.test/t?access_token=%5BREDACTED%5D&page=2');
    for (const text of [result.stdout, result.stderr, JSON.stringify(result.audit())]) {
      expect(text).not.toContain('pw-s3cret-1');
      expect(text).not.toContain('team-s3cret-2');
    }
  });

  it('config show leaves a URL without credentials exactly as set', async () => {
    const result = await cli(['--json', 'config', 'show'], { WIDGETS_TEAM: 'https://Teams.widgets.test/t?page=2' });
    const team = result.json().data.settings.find((s: { name: string }) => s.name === 'WIDGETS_TEAM');
    expect(team.value).toBe('https://Teams.widgets.test/t?page=2');
  });

  it('the audit record redacts credentials of URL arguments, as it does for http[].url', async () => {
    api.server.use(http.post(`${API}/widgets`, () => HttpResponse.json(widget(9), { status: 201 })));
    const name = 'https://bob:arg-s3cret-1@img.widgets.test/w.png?api_key=arg-s3cret-2&size=2';
    const result = await cli(['--json', '--mode', 'write', 'widget', 'create', '--name', name, '--tags', `see ${name}`], { WIDGETS_TEAM: 'core' });
    expect(result.exitCode).toBe(0);
    const [record] = result.audit();
    expect(record!.arguments).toMatchObject({
      name: 'https://REDACTED@img.widgets.test/w.png?api_key=%5BREDACTED%5D&size=2',
      tags: ['see https://REDACTED@img.widgets.test/w.png?api_key=%5BREDACTED%5D&size=2'],
      color: 'red',
    });
    expect(JSON.stringify(record)).not.toMatch(/arg-s3cret/);
  });
});

afterAll(() => {
  expectNoTrace(seenOutputs);
});
