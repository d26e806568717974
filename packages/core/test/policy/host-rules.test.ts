import { describe, expect, it, onTestFinished } from 'vitest';
import { createSsrfDispatcher, type ResolveAll } from '../../src/http/ssrf/dispatcher.js';
import { ssrfRefusalOf } from '../../src/http/ssrf/refusal.js';
import { checkConnectHostRules, checkHostAllowed } from '../../src/policy/enforce.js';
import { matchesHost, parseHostEntry } from '../../src/policy/host-rules.js';
import { ssrfOptionsFromPolicy } from '../../src/policy/request-guard.js';
import { toolPolicySchema } from '../../src/policy/schema.js';
import { defaultToolPolicy, type ToolPolicy } from '../../src/policy/tool-policy.js';
import { caught, startServer } from './helpers.js';

const policy = (fields: Partial<ToolPolicy>): ToolPolicy => ({ ...defaultToolPolicy('aos-test'), source: '/p.json', ...fields });

describe('host rules: the loopback family is one (issue 11 finding 3)', () => {
  it.each([
    ['127.0.0.0/8', 'http://localhost:8080/'],
    ['127.0.0.1', 'http://localhost/'],
    ['127.0.0.1', 'http://[::1]/'],
    ['127.0.0.0/8', 'http://[::ffff:127.0.0.1]/'],
    ['127.0.0.1', 'http://0177.0.0.1/'],
    ['127.0.0.1', 'http://127.1/'],
    ['::1', 'http://127.0.0.5/'],
    ['localhost', 'http://[::1]:9/'],
    ['[::1]', 'http://api.localhost/'],
  ])('blocked_hosts %s blocks %s before any request', async (entry, url) => {
    const error = await caught(() => checkHostAllowed(policy({ blocked_hosts: [entry] }), new URL(url)));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details).toMatchObject({ field: 'blocked_hosts', pattern: entry });
  });

  it('a name resolving to loopback is blocked at connect time; unrelated ranges are not', async () => {
    const rules = policy({ blocked_hosts: ['127.0.0.0/8'] });
    const error = await caught(() => checkConnectHostRules(rules, { name: 'rebind.example', port: 80, address: '127.0.0.1' }));
    expect(error.details).toMatchObject({ field: 'blocked_hosts', stage: 'connect', address: '127.0.0.1' });
    await caught(() => checkConnectHostRules(rules, { name: 'six.example', port: 80, address: '::1' }));
    await caught(() => checkConnectHostRules(rules, { name: 'mapped.example', port: 80, address: '::ffff:7f00:1' }));
    expect(() => checkConnectHostRules(rules, { name: 'public.example', port: 80, address: '93.184.216.34' })).not.toThrow();
    // The URL check cannot know where the name goes: it defers to the connect-time check.
    expect(() => checkHostAllowed(rules, new URL('http://rebind.example/'))).not.toThrow();
  });

  it('allowed_hosts IP and CIDR entries match the resolved address; name entries the name', async () => {
    const rules = policy({ allowed_hosts: ['10.0.0.0/8', 'api.example.com'] });
    expect(() => checkHostAllowed(rules, new URL('http://internal.corp/'))).not.toThrow();
    expect(() => checkConnectHostRules(rules, { name: 'internal.corp', port: 80, address: '10.1.2.3' })).not.toThrow();
    await caught(() => checkConnectHostRules(rules, { name: 'internal.corp', port: 80, address: '192.168.1.1' }));
    expect(() => checkConnectHostRules(rules, { name: 'api.example.com', port: 443, address: '93.184.216.34' })).not.toThrow();
    // Only names when no address entries exist: refused before DNS.
    await caught(() => checkHostAllowed(policy({ allowed_hosts: ['api.example.com'] }), new URL('http://other.example/')));
  });
});

describe('allowed_hosts stays narrow (fails closed)', () => {
  it('allowing 127.0.0.1 does not allow ::1 or localhost; the IPv4-mapped form is the same address', async () => {
    const rules = policy({ allowed_hosts: ['127.0.0.1'] });
    await caught(() => checkHostAllowed(rules, new URL('http://[::1]/')));
    // A name is decided on its address: localhost reaching ::1 is refused, reaching 127.0.0.1 allowed.
    await caught(() => checkConnectHostRules(rules, { name: 'localhost', port: 80, address: '::1' }));
    expect(() => checkConnectHostRules(rules, { name: 'localhost', port: 80, address: '127.0.0.1' })).not.toThrow();
    expect(() => checkHostAllowed(rules, new URL('http://[::ffff:127.0.0.1]/'))).not.toThrow();
  });
});

describe('host rules with ports (issue 10)', () => {
  it('parses host:port, ip:port and [v6]:port; a bare IPv6 has no port', () => {
    expect(parseHostEntry('api.example.com:8443')).toMatchObject({ kind: 'name', host: 'api.example.com', port: 8443 });
    expect(parseHostEntry('10.0.0.5:80')).toMatchObject({ kind: 'ip', port: 80 });
    expect(parseHostEntry('[::1]:8080')).toMatchObject({ kind: 'ip', port: 8080, loopback: true });
    expect(parseHostEntry('fd00::1')).toMatchObject({ kind: 'ip', port: undefined });
    expect(parseHostEntry('host:99999')).toBeNull();
    expect(parseHostEntry('host:abc')).toBeNull();
  });

  it('an entry with a port matches only that port; without one, any port', () => {
    const names = policy({ allowed_hosts: ['api.example.com:8443'] });
    expect(() => checkHostAllowed(names, new URL('https://api.example.com:8443/x'))).not.toThrow();
    expect(() => checkHostAllowed(names, new URL('https://api.example.com/x'))).toThrow(/does not allow/);
    const rules = policy({ allowed_hosts: ['api.example.com:8443', '10.0.0.5'] });
    expect(() => checkHostAllowed(rules, new URL('http://10.0.0.5:9999/'))).not.toThrow();
    // With address entries present, a name is decided at connect time, port included.
    expect(() => checkConnectHostRules(rules, { name: 'api.example.com', port: 443, address: '93.184.216.34' })).toThrow(/does not allow/);
    expect(() => checkConnectHostRules(rules, { name: 'api.example.com', port: 8443, address: '93.184.216.34' })).not.toThrow();
    expect(matchesHost(['[::1]:8080'], '::1', 8080)).toBe(true);
    expect(matchesHost(['[::1]:8080'], '::1', 8081)).toBe(false);
    // Defaults count: https without a port is 443.
    expect(() => checkHostAllowed(policy({ allowed_hosts: ['api.example.com:443'] }), new URL('https://api.example.com/'))).not.toThrow();
  });

  it('a blocked entry with a port blocks that port only', async () => {
    const rules = policy({ blocked_hosts: ['127.0.0.1:6379'] });
    await caught(() => checkHostAllowed(rules, new URL('http://localhost:6379/')));
    expect(() => checkHostAllowed(rules, new URL('http://127.0.0.1:8080/'))).not.toThrow();
  });

  it('the policy schema accepts port entries and refuses malformed ones', () => {
    expect(toolPolicySchema.safeParse({ allowed_hosts: ['a.example:8443', '[::1]:80', '10.0.0.0/8', '10.0.0.1:22'] }).success).toBe(true);
    expect(toolPolicySchema.safeParse({ allowed_hosts: ['a.example:0'] }).success).toBe(false);
    expect(toolPolicySchema.safeParse({ blocked_hosts: ['http://a.example'] }).success).toBe(false);
  });
});

describe('host rules at connect time through the SSRF dispatcher', () => {
  const resolver = (table: Record<string, string[]>): ResolveAll => async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a trusted base URL whose name resolves into a blocked range, and sends nothing', async () => {
    const server = await startServer((_req, res) => res.end('secret'));
    const base = `http://api.test:${server.port}`;
    const options = ssrfOptionsFromPolicy(policy({ blocked_hosts: ['127.0.0.1'] }), base);
    const guard = await createSsrfDispatcher({ ...options, resolve: resolver({ 'api.test': ['127.0.0.1'] }) });
    onTestFinished(() => guard.close());
    const failure = await fetch(`${base}/x`, { dispatcher: guard.dispatcher } as RequestInit).catch((error: unknown) => error);
    expect(ssrfRefusalOf(failure)?.details).toMatchObject({ field: 'blocked_hosts', address: '127.0.0.1', stage: 'connect' });
    expect(server.hits).toHaveLength(0);
  });

  it('lets the trusted base URL through when its address is not blocked (no private-range refusal)', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    const base = `http://api.test:${server.port}`;
    const options = ssrfOptionsFromPolicy(policy({ blocked_hosts: ['10.0.0.0/8'] }), base);
    const guard = await createSsrfDispatcher({ ...options, resolve: resolver({ 'api.test': ['127.0.0.1'] }) });
    onTestFinished(() => guard.close());
    const response = await fetch(`${base}/x`, { dispatcher: guard.dispatcher } as RequestInit);
    expect(await response.text()).toBe('ok');
  });

  it('refuses an IPv4-mapped literal against a 127.0.0.0/8 rule', async () => {
    const options = ssrfOptionsFromPolicy(policy({ blocked_hosts: ['127.0.0.0/8'], allow_private_network: true }));
    const server = await startServer((_req, res) => res.end('secret'));
    const guard = await createSsrfDispatcher(options);
    onTestFinished(() => guard.close());
    const failure = await fetch(`http://[::ffff:127.0.0.1]:${server.port}/`, { dispatcher: guard.dispatcher } as RequestInit).catch((error: unknown) => error);
    expect(ssrfRefusalOf(failure)?.details).toMatchObject({ field: 'blocked_hosts' });
    expect(server.hits).toHaveLength(0);
  });
});
