import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { useMockApi } from '@aos-connectors/testing';
import { fixture, html, json, SITE, withPolicy } from './support.js';

const api = useMockApi();
const page = `${SITE}/docs/start.html`;
const servePage = () => api.server.use(http.get(page, () => html(fixture('article.html'))));

describe('web.fetch as markdown (the default)', () => {
  it('converts the page, drops scripts and styles, makes links absolute and reads the title', async () => {
    servePage();
    const { exitCode, envelope } = await json(['web', 'fetch', page]);
    expect(exitCode).toBe(0);
    const { content, ...rest } = envelope.data;
    expect(rest).toEqual({
      url: page, final_url: page, status: 200, content_type: 'text/html; charset=utf-8',
      title: 'Getting started & more | Example Docs', format: 'markdown', length: content.length, truncated: false,
    });
    expect(content).toContain('# Getting started');
    expect(content).toContain('Install the **CLI** with `npm i -g example`, then read the [reference](https://www.example.com/docs/reference.html).');
    expect(content).toContain('[Guide](https://www.example.com/guide/)');
    expect(content).toContain('| Flag | Meaning |');
    expect(content).toContain('```\nexample --json\n  example --help\n```');
    expect(content).toContain('![Example logo](https://www.example.com/img/logo.png)');
    for (const gone of ['analytics', 'font-family', 'injected', 'Enable JavaScript', 'javascript:']) expect(content).not.toContain(gone);
  });
});

describe('web.fetch as text', () => {
  it('keeps the words, one block per line, without markup', async () => {
    servePage();
    const { envelope } = await json(['web', 'fetch', page, '--format', 'text']);
    expect(envelope.data.content).toBe([
      'Home · Guide',
      'Getting started',
      '',
      'Install the CLI with npm i -g example, then read the reference.',
      '',
      'Fast',
      'Small',
      'Flag\tMeaning',
      '--json\tone envelope',
      'example --json',
      '  example --help',
      '',
      'Example logo click',
    ].join('\n'));
  });
});

describe('web.fetch raw and non-HTML bodies', () => {
  it('raw returns the body as served', async () => {
    servePage();
    const { envelope } = await json(['web', 'fetch', page, '--format', 'raw']);
    expect(envelope.data.content).toBe(fixture('article.html'));
    expect(envelope.data.title).toBe('Getting started & more | Example Docs');
  });

  it('text bodies come back as they are, without a title', async () => {
    api.server.use(http.get(`${SITE}/notes.txt`, () => HttpResponse.text('line 1\n  line 2')));
    const { envelope } = await json(['web', 'fetch', `${SITE}/notes.txt`]);
    expect(envelope.data).toMatchObject({ content: 'line 1\n  line 2', content_type: 'text/plain', title: null });
  });

  it('JSON is pretty-printed (raw keeps it as served); JSON that does not parse is a broken response', async () => {
    api.server.use(
      http.get(`${SITE}/data.json`, () => HttpResponse.json({ a: [1] })),
      http.get(`${SITE}/broken.json`, () => new HttpResponse('{"a": [', { headers: { 'content-type': 'application/json' } })),
    );
    expect((await json(['web', 'fetch', `${SITE}/data.json`, '--format', 'text'])).envelope.data).toMatchObject({ content: '{\n  "a": [\n    1\n  ]\n}', title: null });
    expect((await json(['web', 'fetch', `${SITE}/data.json`, '--format', 'raw'])).envelope.data.content).toBe('{"a":[1]}');
    const broken = await json(['web', 'fetch', `${SITE}/broken.json`]);
    expect(broken.exitCode).toBe(5);
    expect(broken.envelope.error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', message: `${SITE}/broken.json declares application/json but its body is not valid JSON` });
    expect((await json(['web', 'fetch', `${SITE}/broken.json`, '--format', 'raw'])).envelope.data.content).toBe('{"a": [');
  });

  it('a binary body is refused (BACKEND_UNAVAILABLE, not retryable)', async () => {
    api.server.use(http.get(`${SITE}/report.pdf`, () => new HttpResponse(new Uint8Array([37, 80, 68, 70, 0, 1, 2]), { headers: { 'content-type': 'application/pdf' } })));
    const { exitCode, envelope } = await json(['web', 'fetch', `${SITE}/report.pdf`]);
    expect(exitCode).toBe(5);
    expect(envelope.error).toMatchObject({ message: `${SITE}/report.pdf is application/pdf, and web.fetch returns text only`, details: { retryable: false } });
  });

  it('--max-chars cuts the content and says so', async () => {
    servePage();
    const { envelope } = await json(['web', 'fetch', page, '--max-chars', '20']);
    expect(envelope.data.content).toHaveLength(20);
    expect(envelope.data.truncated).toBe(true);
    expect(envelope.data.length).toBeGreaterThan(20);
  });
});

describe('web.fetch: redirects, errors and bounds', () => {
  it('follows redirects and reports the final URL; relative links resolve against it', async () => {
    api.server.use(
      http.get(`${SITE}/old`, () => new HttpResponse(null, { status: 301, headers: { location: 'https://docs.example.net/v2/start.html' } })),
      http.get('https://docs.example.net/v2/start.html', () => html(fixture('article.html'))),
    );
    const { envelope } = await json(['web', 'fetch', `${SITE}/old`]);
    expect(envelope.data).toMatchObject({ url: `${SITE}/old`, final_url: 'https://docs.example.net/v2/start.html', status: 200 });
    expect(envelope.data.content).toContain('(https://docs.example.net/v2/reference.html)');
  });

  it('a redirect to a metadata address is refused before that hop is sent', async () => {
    api.server.use(http.get(`${SITE}/evil`, () => new HttpResponse(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/iam/' } })));
    const { exitCode, envelope } = await json(['web', 'fetch', `${SITE}/evil`]);
    expect(exitCode).toBe(3);
    expect(envelope.error).toMatchObject({ code: 'POLICY_DENIED', details: { rule: 'ssrf', stage: 'redirect' } });
    expect(api.requests).toHaveLength(1);
  });

  it('404 is NOT_FOUND without the error page in the message', async () => {
    api.server.use(http.get(`${SITE}/missing`, () => new HttpResponse('<html><body>Not here</body></html>', { status: 404, headers: { 'content-type': 'text/html' } })));
    const { exitCode, envelope } = await json(['web', 'fetch', `${SITE}/missing`]);
    expect(exitCode).toBe(6);
    expect(envelope.error.message).toBe('GET /missing was not found (HTTP 404)');
  });

  it('a body over max_response_size_mb → BACKEND_UNAVAILABLE', async () => {
    api.server.use(http.get(`${SITE}/huge`, () => html(`<p>${'x'.repeat(1_200_000)}</p>`)));
    const { exitCode, envelope } = await json(['web', 'fetch', `${SITE}/huge`], withPolicy({ max_response_size_mb: 1 }));
    expect(exitCode).toBe(5);
    expect(envelope.error.message).toMatch(/larger than the 1 MB cap/);
  });

  it('--timeout-ms bounds a page that never answers', async () => {
    api.server.use(http.get(`${SITE}/slow`, async () => {
      await delay(10_000);
      return html('<p>late</p>');
    }));
    const started = Date.now();
    const { exitCode, envelope } = await json(['--timeout-ms', '300', 'web', 'fetch', `${SITE}/slow`]);
    expect(exitCode).toBe(5);
    expect(envelope.error.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('sends no credentials to the page, even with a search key set', async () => {
    servePage();
    await json(['web', 'fetch', page], { BRAVE_SEARCH_API_KEY: 'BSAsecret' });
    expect(api.requests[0]!.headers.get('x-subscription-token')).toBeNull();
    expect(api.requests[0]!.headers.get('accept')).toMatch(/^text\/html/);
  });

  it('a non-http URL is a usage error, sent nowhere', async () => {
    const { exitCode } = await json(['web', 'fetch', 'file:///etc/passwd']);
    expect(exitCode).toBe(2);
    expect(api.requests).toHaveLength(0);
  });
});
