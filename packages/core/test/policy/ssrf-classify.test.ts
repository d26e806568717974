import { describe, expect, it } from 'vitest';
import { checkUrlTarget } from '../../src/http/ssrf/check-url.js';
import { classifyAddress } from '../../src/http/ssrf/classify.js';
import { classifyHostName } from '../../src/http/ssrf/host-names.js';
import { caught } from './helpers.js';

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['100.64.0.1', 'carrier_grade_nat'],
    ['100.127.255.254', 'carrier_grade_nat'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456::1', 'unique_local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['64:ff9b:1::1', 'reserved'],
    ['::8.8.8.8', 'public'], // ipaddr.js reads ::a.b.c.d as IPv4-mapped
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['172.32.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)?.class).toBe(expected);
  });

  it('returns null for host names', () => {
    expect(classifyAddress('example.com')).toBeNull();
    expect(classifyAddress('08.1.1.1')).toBeNull();
  });
});

describe('odd encodings of loopback (raw host strings, as a resolver would read them)', () => {
  it.each([
    ['2130706433', 'decimal'],
    ['0177.0.0.1', 'octal'],
    ['0177.0000.0000.0001', 'octal, padded'],
    ['017700000001', 'octal, one number'],
    ['0x7f.0.0.1', 'hex dotted'],
    ['0x7f000001', 'hex, one number'],
    ['0x7f.1', 'hex short form'],
    ['127.1', 'short form'],
    ['127.0.1', 'three-part short form'],
    ['127.0.0.1.', 'trailing dot'],
    ['[::1]', 'bracketed IPv6'],
    ['::ffff:127.0.0.1', 'IPv4-mapped IPv6'],
    ['::ffff:7f00:1', 'IPv4-mapped IPv6, hex'],
    ['[::ffff:7f00:1]', 'IPv4-mapped IPv6, bracketed'],
    ['::ffff:0:7f00:1', 'IPv4-translated (RFC 6145)'],
    ['64:ff9b::7f00:1', 'NAT64 (RFC 6052)'],
    ['64:ff9b::127.0.0.1', 'NAT64, dotted'],
    ['2002:7f00:1::1', '6to4'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['0:0:0:0:0:0:0:1', 'IPv6 loopback, long form'],
  ])('%s (%s) is loopback', (host) => {
    expect(classifyAddress(host)?.class).toBe('loopback');
  });

  it('sees the metadata address through IPv4-mapped and NAT64 forms', () => {
    expect(classifyAddress('::ffff:169.254.169.254')?.class).toBe('metadata');
    expect(classifyAddress('64:ff9b::a9fe:a9fe')?.class).toBe('metadata');
    expect(classifyAddress('::ffff:a9fe:a9fe')).toMatchObject({ class: 'metadata', embedded_ipv4: '169.254.169.254' });
  });

  it('keeps a public address behind NAT64 public', () => {
    expect(classifyAddress('64:ff9b::808:808')).toMatchObject({ class: 'public', embedded_ipv4: '8.8.8.8' });
  });

  it('refuses an IPv4-compatible address even around a public IPv4', () => {
    expect(classifyAddress('::808:808')?.class).toBe('reserved');
  });
});

describe('odd encodings in URLs', () => {
  it.each([
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://0x7f000001/',
    'http://127.1/',
    'http://127.0.0.1.:8080/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[64:ff9b::127.0.0.1]/',
    'http://[::1]/',
    'http://①②⑦.0.0.1/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost/',
  ])('%s is refused as loopback', async (url) => {
    const error = await caught(() => checkUrlTarget(url, 'input'));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details).toMatchObject({ rule: 'ssrf', address_class: 'loopback' });
  });

  it.each(['http://metadata.google.internal/computeMetadata/v1/', 'http://metadata.google.internal./', 'http://metadata.goog/', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/'])(
    '%s is refused as metadata',
    async (url) => {
      expect((await caught(() => checkUrlTarget(url, 'input'))).details.address_class).toBe('metadata');
    },
  );

  it('leaves ordinary names to the connect-time check', () => {
    expect(classifyHostName('example.com')).toBeNull();
    expect(() => checkUrlTarget('https://example.com/', 'input')).not.toThrow();
  });
});
