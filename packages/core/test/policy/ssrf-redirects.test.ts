import { describe, expect, it, onTestFinished } from 'vitest';
import { createSsrfDispatcher } from '../../src/http/ssrf/dispatcher.js';
import { followRedirects } from '../../src/http/ssrf/redirects.js';
import { ssrfRefusalOf } from '../../src/http/ssrf/refusal.js';
import { createRequestGuard } from '../../src/policy/request-guard.js';
import { defaultToolPolicy, type ToolPolicy } from '../../src/policy/tool-policy.js';
import { caught, startServer, type TestServer } from './helpers.js';

/** The client's view: the configured API at `api.url`, requests through the SSRF dispatcher. */
async function client(api: TestServer, fields: Partial<ToolPolicy> = {}, resolve?: (host: string) => Promise<{ address: string; family: number }[]>) {
  const policy = { ...defaultToolPolicy('aos-web'), ...fields };
  const guard = createRequestGuard(policy, { baseUrl: api.url });
  const ssrf = await createSsrfDispatcher({ ...guard.ssrf, resolve });
  onTestFinished(() => ssrf.close());
  const sent: string[] = [];
  const send = async (request: Request) => {
    sent.push(`${request.method} ${request.url}`);
    try {
      return await fetch(request, { dispatcher: ssrf.dispatcher });
    } catch (error) {
      throw ssrfRefusalOf(error) ?? error;
    }
  };
  const get = (path: string, init: RequestInit = {}) =>
    followRedirects(new Request(`${api.url}${path}`, init), send, { checkHop: (url) => guard.check(url, 'redirect') });
  return { get, sent };
}

describe('following redirects', () => {
  it('refuses a redirect from the configured host to the metadata address before requesting it', async () => {
    const api = await startServer((_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/iam/' }).end());
    const { get, sent } = await client(api);
    const error = await caught(() => get('/repos/x'));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.exitCode).toBe(3);
    expect(error.details).toMatchObject({ rule: 'ssrf', stage: 'redirect', address: '169.254.169.254', address_class: 'metadata', url: 'http://169.254.169.254/latest/meta-data/iam/' });
    expect(sent).toEqual([`GET ${api.url}/repos/x`]);
  });

  it('refuses a redirect to another port on loopback (another origin than the configured one)', async () => {
    const internal = await startServer((_req, res) => res.end('internal'));
    const api = await startServer((_req, res) => res.writeHead(301, { location: `${internal.url}/admin` }).end());
    const { get } = await client(api);
    expect((await caught(() => get('/x'))).details.address_class).toBe('loopback');
    expect(internal.hits).toHaveLength(0);
  });

  it('refuses at connect time a redirect to a name that resolves to a private address', async () => {
    const internal = await startServer((_req, res) => res.end('internal'));
    const api = await startServer((_req, res) => res.writeHead(302, { location: `http://cdn.example:${internal.port}/file` }).end());
    const resolve = async (host: string) => (host === 'cdn.example' ? [{ address: '127.0.0.1', family: 4 }] : []);
    const { get, sent } = await client(api, {}, resolve);
    const error = await caught(() => get('/x'));
    expect(error.details).toMatchObject({ stage: 'connect', host: 'cdn.example', address_class: 'loopback' });
    expect(sent).toHaveLength(2);
    expect(internal.hits).toHaveLength(0);
  });

  it('refuses a redirect to a host the policy blocks', async () => {
    const api = await startServer((_req, res) => res.writeHead(302, { location: 'https://evil.example/' }).end());
    const { get } = await client(api, { blocked_hosts: ['evil.example'] });
    expect((await caught(() => get('/x'))).details).toMatchObject({ field: 'blocked_hosts', host: 'evil.example' });
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const api = await startServer((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    const { get } = await client(api);
    expect((await caught(() => get('/x'))).details.address_class).toBe('scheme');
  });

  it('follows redirects within the configured origin', async () => {
    const api = await startServer((req, res) => (req.url === '/old' ? res.writeHead(308, { location: '/new' }).end() : res.end(`at ${req.url}`)));
    const { get } = await client(api);
    const response = await get('/old');
    expect(await response.text()).toBe('at /new');
    expect(response.status).toBe(200);
  });

  it('drops credentials on a hop to another origin, keeps them within the origin', async () => {
    const other = await startServer((_req, res) => res.end('other'));
    const api = await startServer((req, res) =>
      req.url === '/a' ? res.writeHead(302, { location: '/b' }).end() : res.writeHead(302, { location: `${other.url}/c` }).end(),
    );
    const { get } = await client(api, { allow_private_network: true });
    const headers = { authorization: 'Bearer tok-abc', 'x-api-key': 'k-123', cookie: 'session=1', accept: 'application/json', 'user-agent': 'aos-test' };
    expect(await (await get('/a', { headers })).text()).toBe('other');
    expect(api.hits[1]!.headers.authorization).toBe('Bearer tok-abc');
    const hop = other.hits[0]!.headers;
    expect(hop.authorization).toBeUndefined();
    expect(hop['x-api-key']).toBeUndefined();
    expect(hop.cookie).toBeUndefined();
    expect(hop.accept).toBe('application/json');
    expect(hop['user-agent']).toBe('aos-test');
  });

  it('resends method and body on 307, switches to GET without body on 303', async () => {
    const api = await startServer((req, res) => {
      if (req.url === '/307') return res.writeHead(307, { location: '/target' }).end();
      if (req.url === '/303') return res.writeHead(303, { location: '/target' }).end();
      res.end('done');
    });
    const { get } = await client(api);
    const init = { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } };
    await get('/307', init);
    expect(api.hits[1]).toMatchObject({ method: 'POST', url: '/target', body: '{"a":1}' });
    await get('/303', init);
    expect(api.hits[3]).toMatchObject({ method: 'GET', url: '/target', body: '' });
  });

  it('stops after too many redirects', async () => {
    const api = await startServer((_req, res) => res.writeHead(302, { location: '/loop' }).end());
    const { get } = await client(api);
    const error = await caught(() => get('/loop'));
    expect(error.code).toBe('BACKEND_UNAVAILABLE');
    expect(error.details.max_redirects).toBe(5);
    expect(api.hits).toHaveLength(6);
  });
});
