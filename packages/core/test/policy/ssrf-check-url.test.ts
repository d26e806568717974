import { describe, expect, it } from 'vitest';
import { checkResolvedAddress, checkUrlTarget } from '../../src/http/ssrf/check-url.js';
import { ssrfRefusal, ssrfRefusalOf } from '../../src/http/ssrf/refusal.js';
import { caught } from './helpers.js';

describe('checkUrlTarget', () => {
  it('allows only http and https, whatever the source', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/', 'gopher://127.0.0.1:25/', 'data:text/plain,hi']) {
      for (const source of ['configured', 'input', 'redirect'] as const) {
        const error = await caught(() => checkUrlTarget(url, source));
        expect(error.code).toBe('POLICY_DENIED');
        expect(error.details.address_class).toBe('scheme');
      }
    }
  });

  it('trusts the configured base URL as configured', () => {
    expect(() => checkUrlTarget('http://127.0.0.1:1234/api', 'configured')).not.toThrow();
  });

  it('trusts input and redirect URLs on a trusted origin, and nothing else on the same host', async () => {
    const options = { trustedOrigins: ['http://127.0.0.1:1234'] };
    expect(() => checkUrlTarget('http://127.0.0.1:1234/other', 'input', options)).not.toThrow();
    expect(() => checkUrlTarget('http://127.0.0.1:1234/next', 'redirect', options)).not.toThrow();
    expect((await caught(() => checkUrlTarget('http://127.0.0.1:5678/', 'redirect', options))).details.stage).toBe('redirect');
    expect((await caught(() => checkUrlTarget('https://127.0.0.1:1234/', 'input', options))).code).toBe('POLICY_DENIED');
  });

  it('treats https://host and https://host:443 as the same origin', () => {
    expect(() => checkUrlTarget('https://10.0.0.1:443/x', 'input', { trustedOrigins: ['https://10.0.0.1'] })).not.toThrow();
  });

  it('lifts refusals for allow_private_network, except metadata', async () => {
    const options = { allowPrivateNetwork: true };
    for (const url of ['http://10.0.0.1/', 'http://127.0.0.1/', 'http://[fd00::1]/', 'http://100.64.0.1/', 'http://localhost/']) {
      expect(() => checkUrlTarget(url, 'input', options)).not.toThrow();
    }
    expect((await caught(() => checkUrlTarget('http://169.254.169.254/', 'input', options))).details.address_class).toBe('metadata');
    expect((await caught(() => checkUrlTarget('http://metadata.google.internal/', 'input', options))).details.address_class).toBe('metadata');
  });

  it('lifts refusals for hosts in allowed_hosts; a bare "*" or a glob does not open metadata', async () => {
    expect(() => checkUrlTarget('http://10.0.0.5/', 'input', { allowedHosts: ['10.0.0.0/24'] })).not.toThrow();
    expect(() => checkUrlTarget('http://localhost:3000/', 'input', { allowedHosts: ['localhost'] })).not.toThrow();
    expect((await caught(() => checkUrlTarget('http://10.0.0.5/', 'input', { allowedHosts: ['*'] }))).code).toBe('POLICY_DENIED');
    expect((await caught(() => checkUrlTarget('http://10.0.1.5/', 'input', { allowedHosts: ['10.0.0.0/24'] }))).code).toBe('POLICY_DENIED');
    expect((await caught(() => checkUrlTarget('http://metadata.google.internal/', 'input', { allowedHosts: ['*.internal'] }))).code).toBe('POLICY_DENIED');
    expect(() => checkUrlTarget('http://169.254.169.254/', 'input', { allowedHosts: ['169.254.169.254'] })).not.toThrow();
  });

  it('redacts credentials from the refusal', async () => {
    const error = await caught(() => checkUrlTarget('http://admin:s3cret-pass@10.0.0.1/?access_token=tok123', 'input'));
    expect(error.exitCode).toBe(3);
    expect(error.details).toMatchObject({ rule: 'ssrf', host: '10.0.0.1', address: '10.0.0.1', address_class: 'private', field: 'allow_private_network' });
    const text = JSON.stringify({ message: error.message, details: error.details });
    expect(text).not.toContain('s3cret-pass');
    expect(text).not.toContain('tok123');
  });
});

describe('checkResolvedAddress', () => {
  it('refuses a public-looking name that resolves to a private address', async () => {
    const error = await caught(() => checkResolvedAddress('innocent.example', '192.168.0.10', {}));
    expect(error.details).toMatchObject({ stage: 'connect', host: 'innocent.example', address: '192.168.0.10', address_class: 'private' });
    expect(() => checkResolvedAddress('innocent.example', '93.184.216.34', {})).not.toThrow();
  });

  it('lets allowed_hosts name the host or its address range', () => {
    expect(() => checkResolvedAddress('intranet.corp', '10.1.1.1', { allowedHosts: ['*.corp'] })).not.toThrow();
    expect(() => checkResolvedAddress('intranet.corp', '10.1.1.1', { allowedHosts: ['10.0.0.0/8'] })).not.toThrow();
  });
});

describe('ssrfRefusalOf', () => {
  it('finds the refusal inside fetch and ky wrappers', () => {
    const refusal = ssrfRefusal({ host: 'h', addressClass: 'loopback', stage: 'connect' });
    const wrapped = new Error('ky network error', { cause: new TypeError('fetch failed', { cause: new AggregateError([new Error('x'), refusal]) }) });
    expect(ssrfRefusalOf(wrapped)).toBe(refusal);
    expect(ssrfRefusalOf(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }))).toBeUndefined();
  });
});
