import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyCapped } from '../../src/http/read-body.js';
import {
  approvalRequired,
  checkHostAllowed,
  effectiveMaxResponseBytes,
  effectiveTimeoutMs,
  enforceCommandPolicy,
} from '../../src/policy/enforce.js';
import { createRequestGuard } from '../../src/policy/request-guard.js';
import { defaultToolPolicy, type ToolPolicy } from '../../src/policy/tool-policy.js';
import { caught, startServer } from './helpers.js';

const policy = (fields: Partial<ToolPolicy>): ToolPolicy => ({ ...defaultToolPolicy('aos-github'), source: '/p.json', ...fields });

describe('allowed_commands and blocked_commands', () => {
  it('allows every command when neither is set', () => {
    expect(() => enforceCommandPolicy(defaultToolPolicy('aos-github'), { commandId: 'repo.delete', mode: 'admin' })).not.toThrow();
  });

  it('allows commands matching a pattern and refuses the rest with POLICY_DENIED (exit 3)', async () => {
    const p = policy({ allowed_commands: ['issue.*', 'repo.get'] });
    expect(() => enforceCommandPolicy(p, { commandId: 'issue.list', mode: 'readonly' })).not.toThrow();
    expect(() => enforceCommandPolicy(p, { commandId: 'issue.comment.create', mode: 'readonly' })).not.toThrow();
    expect(() => enforceCommandPolicy(p, { commandId: 'repo.get', mode: 'readonly' })).not.toThrow();
    const error = await caught(() => enforceCommandPolicy(p, { commandId: 'repo.delete', mode: 'readonly' }));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.exitCode).toBe(3);
    expect(error.details).toMatchObject({ field: 'allowed_commands', command: 'repo.delete', tool: 'aos-github', policy_file: '/p.json' });
  });

  it('does not let "issue.*" match a command that merely starts with "issue"', async () => {
    const error = await caught(() => enforceCommandPolicy(policy({ allowed_commands: ['issue.*'] }), { commandId: 'issues_admin.purge', mode: 'readonly' }));
    expect(error.code).toBe('POLICY_DENIED');
  });

  it('blocked_commands wins over allowed_commands', async () => {
    const p = policy({ allowed_commands: ['*'], blocked_commands: ['*.delete'] });
    const error = await caught(() => enforceCommandPolicy(p, { commandId: 'repo.delete', mode: 'admin' }));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details.field).toBe('blocked_commands');
  });
});

describe('max_mode', () => {
  it('refuses a mode above max_mode with details, and allows it and anything below', async () => {
    const p = policy({ max_mode: 'write' });
    expect(() => enforceCommandPolicy(p, { commandId: 'issue.create', mode: 'write' })).not.toThrow();
    expect(() => enforceCommandPolicy(p, { commandId: 'issue.list', mode: 'readonly' })).not.toThrow();
    const error = await caught(() => enforceCommandPolicy(p, { commandId: 'pr.merge', mode: 'admin', requiredMode: 'admin' }));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details).toMatchObject({ field: 'max_mode', max_mode: 'write', actual_mode: 'admin', required_mode: 'admin' });
  });
});

describe('require_approval', () => {
  it('marks matching commands only', () => {
    const p = policy({ require_approval: ['pr.merge', 'repo.*'] });
    expect(approvalRequired(p, 'pr.merge')).toBe(true);
    expect(approvalRequired(p, 'repo.delete')).toBe(true);
    expect(approvalRequired(p, 'pr.list')).toBe(false);
    expect(approvalRequired(defaultToolPolicy('aos-github'), 'pr.merge')).toBe(false);
  });
});

describe('allowed_hosts and blocked_hosts', () => {
  const url = (text: string) => new URL(text);

  it('allows any host when neither is set', () => {
    expect(() => checkHostAllowed(defaultToolPolicy('aos-web'), url('https://example.com/'))).not.toThrow();
  });

  it('matches host globs: *.github.com covers subdomains but not github.com or lookalikes', async () => {
    const p = policy({ allowed_hosts: ['*.github.com'] });
    expect(() => checkHostAllowed(p, url('https://api.github.com/x'))).not.toThrow();
    expect(() => checkHostAllowed(p, url('https://A.B.GitHub.com/x'))).not.toThrow();
    for (const bad of ['https://github.com/', 'https://evilgithub.com/', 'https://api.github.com.evil.io/']) {
      const error = await caught(() => checkHostAllowed(p, url(bad)));
      expect(error.code).toBe('POLICY_DENIED');
      expect(error.details.field).toBe('allowed_hosts');
    }
  });

  it('refuses blocked hosts even when allowed, and redacts credentials in the details', async () => {
    const p = policy({ allowed_hosts: ['*'], blocked_hosts: ['*.evil.example', '10.0.0.0/8', '[::1]'] });
    const error = await caught(() => checkHostAllowed(p, url('https://user:hunter22@x.evil.example/?token=abc')));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details).toMatchObject({ field: 'blocked_hosts', pattern: '*.evil.example', host: 'x.evil.example' });
    expect(JSON.stringify(error.details)).not.toContain('hunter22');
    expect(JSON.stringify(error.details)).not.toContain('abc');
    expect((await caught(() => checkHostAllowed(p, url('http://10.1.2.3/')))).details.pattern).toBe('10.0.0.0/8');
    expect((await caught(() => checkHostAllowed(p, url('http://[::1]:8080/')))).details.pattern).toBe('[::1]');
    expect(() => checkHostAllowed(p, url('http://11.1.2.3/'))).not.toThrow();
  });
});

describe('timeout_seconds', () => {
  it('is the shorter of the caller deadline and the policy', () => {
    expect(effectiveTimeoutMs(defaultToolPolicy('t'), undefined)).toBeUndefined();
    expect(effectiveTimeoutMs(defaultToolPolicy('t'), 5000)).toBe(5000);
    expect(effectiveTimeoutMs(policy({ timeout_seconds: 20 }), undefined)).toBe(20_000);
    expect(effectiveTimeoutMs(policy({ timeout_seconds: 20 }), 5000)).toBe(5000);
    expect(effectiveTimeoutMs(policy({ timeout_seconds: 2.5 }), 60_000)).toBe(2500);
  });
});

describe('max_response_size_mb', () => {
  it('replaces the client default cap', () => {
    expect(effectiveMaxResponseBytes(defaultToolPolicy('t'), DEFAULT_MAX_RESPONSE_BYTES)).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    expect(effectiveMaxResponseBytes(policy({ max_response_size_mb: 5 }), DEFAULT_MAX_RESPONSE_BYTES)).toBe(5 * 1024 * 1024);
    expect(effectiveMaxResponseBytes(policy({ max_response_size_mb: 0.5 }), DEFAULT_MAX_RESPONSE_BYTES)).toBe(512 * 1024);
  });

  it('makes a real response over the cap fail (streamed, no content-length)', async () => {
    const server = await startServer((_req, res) => {
      res.write('x'.repeat(700 * 1024));
      res.end('y'.repeat(700 * 1024));
    });
    const cap = effectiveMaxResponseBytes(policy({ max_response_size_mb: 1 }), DEFAULT_MAX_RESPONSE_BYTES);
    const error = await caught(async () => readBodyCapped(await fetch(server.url), cap));
    expect(error.details).toMatchObject({ max_response_bytes: 1024 * 1024 });
    // The same body fits the default cap.
    expect((await readBodyCapped(await fetch(server.url), DEFAULT_MAX_RESPONSE_BYTES)).length).toBe(1400 * 1024);
  });
});

describe('sanitize_output', () => {
  it('defaults to on and can be turned off', () => {
    expect(defaultToolPolicy('t').sanitize_output).toBe(true);
    expect(policy({ sanitize_output: false }).sanitize_output).toBe(false);
  });
});

describe('allow_private_network and the request guard', () => {
  it('refuses an input URL on a private address, trusts the configured base URL, and lifts the refusal when allowed', async () => {
    const strict = createRequestGuard(policy({}), { baseUrl: 'http://127.0.0.1:1234/api' });
    expect(() => strict.check(new URL('http://127.0.0.1:1234/api/repos'))).not.toThrow();
    const error = await caught(() => strict.check(new URL('http://127.0.0.1:9999/admin')));
    expect(error.code).toBe('POLICY_DENIED');
    expect(error.details).toMatchObject({ rule: 'ssrf', address_class: 'loopback' });

    const open = createRequestGuard(policy({ allow_private_network: true }), { baseUrl: 'http://127.0.0.1:1234/api' });
    expect(() => open.check(new URL('http://127.0.0.1:9999/admin'))).not.toThrow();
    expect(() => open.check(new URL('http://10.0.0.8/'))).not.toThrow();
    // Metadata stays closed even then.
    expect((await caught(() => open.check(new URL('http://169.254.169.254/latest/meta-data/'))))).toMatchObject({ code: 'POLICY_DENIED' });
  });

  it('applies host rules to the configured base URL too', async () => {
    const guard = createRequestGuard(policy({ allowed_hosts: ['api.github.com'] }), { baseUrl: 'http://127.0.0.1:1234' });
    const error = await caught(() => guard.check(new URL('http://127.0.0.1:1234/x')));
    expect(error.details.field).toBe('allowed_hosts');
  });

  it('lets allowed_hosts listing a private host reach it', () => {
    const guard = createRequestGuard(policy({ allowed_hosts: ['10.0.0.8', 'intranet.local'] }));
    expect(() => guard.check(new URL('http://10.0.0.8/'))).not.toThrow();
  });
});
