import { createServer } from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createSsrfDispatcher, type ResolveAll, type SsrfDispatcherOptions } from '../../src/http/ssrf/dispatcher.js';
import { checkUrlTarget } from '../../src/http/ssrf/check-url.js';
import { ssrfRefusalOf } from '../../src/http/ssrf/refusal.js';
import { startServer } from './helpers.js';

async function dispatcher(options: SsrfDispatcherOptions) {
  const guard = await createSsrfDispatcher(options);
  onTestFinished(() => guard.close());
  return guard.dispatcher;
}

/** Stands in for DNS: every name in `table` resolves to the listed addresses. */
function fakeResolver(table: Record<string, string[]>): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

/** The refusal a fetch failed with (the test fails if it failed otherwise or succeeded). */
async function refusalOf(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    const refusal = ssrfRefusalOf(error);
    if (refusal) return refusal;
    throw error;
  }
  throw new Error('expected the SSRF guard to refuse the connection');
}

describe('the connect-time guard (undici dispatcher)', () => {
  it('refuses a connection to a loopback literal and sends nothing', async () => {
    const server = await startServer((_req, res) => res.end('secret'));
    const refusal = await refusalOf(fetch(`${server.url}/admin`, { dispatcher: await dispatcher({}) }));
    expect(refusal.code).toBe('POLICY_DENIED');
    expect(refusal.exitCode).toBe(3);
    expect(refusal.details).toMatchObject({ rule: 'ssrf', stage: 'connect', address: '127.0.0.1', address_class: 'loopback' });
    expect(server.hits).toHaveLength(0);
  });

  it('lets the configured (trusted) origin through', async () => {
    const server = await startServer((_req, res) => res.end('configured api'));
    const response = await fetch(`${server.url}/x`, { dispatcher: await dispatcher({ trustedOrigins: [server.url] }) });
    expect(await response.text()).toBe('configured api');
  });

  it('handles IPv6 literals: [::1] refused unless it is the trusted origin', async () => {
    const server = createServer((_req, res) => res.end('v6'));
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return; // no IPv6 loopback on this machine
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://[::1]:${(server.address() as { port: number }).port}`;
    expect((await refusalOf(fetch(`${url}/`, { dispatcher: await dispatcher({}) }))).details).toMatchObject({ address: '::1', address_class: 'loopback' });
    expect(await (await fetch(`${url}/`, { dispatcher: await dispatcher({ trustedOrigins: [url] }) })).text()).toBe('v6');
  });

  it('checks the address a name resolves to at connect time: the decision uses the answer actually connected to', async () => {
    const server = await startServer((_req, res) => res.end('internal'));
    const resolve = fakeResolver({ 'rebind.example': ['127.0.0.1'] });
    const url = `http://rebind.example:${server.port}/`;
    // Nothing to see before DNS: the pre-check passes the name...
    expect(() => checkUrlTarget(url, 'input')).not.toThrow();
    // ...and the connection is refused on the resolved address.
    const refusal = await refusalOf(fetch(url, { dispatcher: await dispatcher({ resolve }) }));
    expect(refusal.details).toMatchObject({ host: 'rebind.example', address: '127.0.0.1', address_class: 'loopback' });
    expect(resolve.asked).toEqual(['rebind.example']);
    expect(server.hits).toHaveLength(0);
  });

  it('connects to the checked address when the policy allows private networks', async () => {
    const server = await startServer((_req, res) => res.end('internal'));
    const resolve = fakeResolver({ 'internal.example': ['127.0.0.1'] });
    const response = await fetch(`http://internal.example:${server.port}/`, { dispatcher: await dispatcher({ resolve, allowPrivateNetwork: true }) });
    expect(await response.text()).toBe('internal');
    expect(server.hits[0]!.headers.host).toBe(`internal.example:${server.port}`);
  });

  it('connects when allowed_hosts names the host', async () => {
    const server = await startServer((_req, res) => res.end('listed'));
    const resolve = fakeResolver({ 'intranet.example': ['127.0.0.1'] });
    const response = await fetch(`http://intranet.example:${server.port}/`, { dispatcher: await dispatcher({ resolve, allowedHosts: ['intranet.example'] }) });
    expect(await response.text()).toBe('listed');
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const server = await startServer((_req, res) => res.end('x'));
    const resolve = fakeResolver({ 'mixed.example': ['93.184.216.34', '127.0.0.1'] });
    const refusal = await refusalOf(fetch(`http://mixed.example:${server.port}/`, { dispatcher: await dispatcher({ resolve }) }));
    expect(refusal.details.address).toBe('127.0.0.1');
    expect(server.hits).toHaveLength(0);
  });

  it('refuses a name resolving to an IPv4-mapped IPv6 loopback', async () => {
    const resolve = fakeResolver({ 'v6.example': ['::ffff:127.0.0.1'] });
    const refusal = await refusalOf(fetch('http://v6.example:8080/', { dispatcher: await dispatcher({ resolve }) }));
    expect(refusal.details.address_class).toBe('loopback');
  });

  it('passes resolver failures through unchanged', async () => {
    const resolve = fakeResolver({});
    const error = await fetch('http://nowhere.example/', { dispatcher: await dispatcher({ resolve }) }).catch((e: unknown) => e);
    expect(ssrfRefusalOf(error)).toBeUndefined();
    expect(JSON.stringify(String((error as Error).cause))).toContain('ENOTFOUND');
  });

  it("refuses a redirect that the built-in fetch follows by itself to a private address", async () => {
    const internal = await startServer((_req, res) => res.end('internal secret'));
    const api = await startServer((_req, res) => res.writeHead(302, { location: `${internal.url}/secret` }).end());
    const refusal = await refusalOf(fetch(`${api.url}/start`, { dispatcher: await dispatcher({ trustedOrigins: [api.url] }) }));
    expect(refusal.details).toMatchObject({ address: '127.0.0.1', address_class: 'loopback', port: String(internal.port) });
    expect(api.hits).toHaveLength(1);
    expect(internal.hits).toHaveLength(0);
  });
});
