import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadToolPolicy, policyLocation } from '../../src/policy/load.js';
import { caught, policyEnv, tempDir } from './helpers.js';

describe('policy file location', () => {
  it('uses AOS_POLICY when set, else ~/.argentos/policy.json under env.HOME', () => {
    expect(policyLocation({ AOS_POLICY: '/etc/aos/policy.json', HOME: '/home/x' })).toEqual({ path: '/etc/aos/policy.json', explicit: true });
    expect(policyLocation({ HOME: '/home/x' })).toEqual({ path: join('/home/x', '.argentos', 'policy.json'), explicit: false });
  });
});

describe('loading the policy', () => {
  it('applies the defaults when the default file is missing: everything allowed, no limits', () => {
    const home = tempDir();
    const policy = loadToolPolicy({ HOME: home }, 'aos-github');
    expect(policy).toMatchObject({
      tool: 'aos-github',
      source: null,
      allowed_commands: null,
      blocked_commands: [],
      max_mode: 'admin',
      allowed_hosts: null,
      rate_limit_per_minute: null,
      max_response_size_mb: null,
      timeout_seconds: null,
      require_approval: [],
      allow_private_network: false,
    });
  });

  it('refuses a file named by AOS_POLICY that does not exist (CONFIG_ERROR, exit 4)', async () => {
    const dir = tempDir();
    const error = await caught(() => loadToolPolicy({ AOS_POLICY: join(dir, 'nope.json') }, 'aos-github'));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('nope.json');
  });

  it('refuses invalid JSON with CONFIG_ERROR naming the file', async () => {
    const dir = tempDir();
    const error = await caught(() => loadToolPolicy(policyEnv(dir, '{"version": 1, "tools": {'), 'aos-github'));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(/policy\.json is not valid JSON/);
  });

  it.each([
    [{ version: 1, tools: { 'aos-github': { max_mode: 'root' } } }, 'tools.aos-github.max_mode'],
    [{ version: 1, tools: { 'aos-github': { rate_limit_per_minute: 0 } } }, 'tools.aos-github.rate_limit_per_minute'],
    [{ version: 1, tools: { 'aos-github': { rate_limit_per_minute: 1.5 } } }, 'tools.aos-github.rate_limit_per_minute'],
    [{ version: 1, tools: { 'aos-github': { timeout_seconds: -1 } } }, 'tools.aos-github.timeout_seconds'],
    [{ version: 1, tools: { 'aos-github': { max_response_size_mb: 'big' } } }, 'tools.aos-github.max_response_size_mb'],
    [{ version: 1, tools: { 'aos-github': { allowed_commands: 'issue.*' } } }, 'tools.aos-github.allowed_commands'],
    [{ version: 1, tools: { 'aos-github': { allowed_hosts: ['https://api.github.com/'] } } }, 'tools.aos-github.allowed_hosts.0'],
    [{ version: 1, tools: { 'aos-github': { sanitize_output: 'yes' } } }, 'tools.aos-github.sanitize_output'],
    [{ version: 1, tools: { 'aos-github': { allowed_command: ['issue.*'] } } }, 'tools.aos-github.allowed_command'],
    [{ version: 2, tools: {} }, 'version'],
    [{ tools: {} }, 'version'],
  ])('refuses a schema violation with CONFIG_ERROR naming the field (%j)', async (policy, field) => {
    const dir = tempDir();
    const error = await caught(() => loadToolPolicy(policyEnv(dir, policy), 'aos-github'));
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.details.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('merges the "*" entry under the tool entry, field by field', () => {
    const dir = tempDir();
    const env = policyEnv(dir, {
      version: 1,
      tools: {
        '*': { max_mode: 'write', timeout_seconds: 20, blocked_hosts: ['evil.example'], sanitize_output: true },
        'aos-github': { max_mode: 'full', allowed_commands: ['issue.*'], sanitize_output: false },
      },
    });
    const github = loadToolPolicy(env, 'aos-github');
    expect(github).toMatchObject({
      source: env.AOS_POLICY,
      max_mode: 'full',
      timeout_seconds: 20,
      blocked_hosts: ['evil.example'],
      allowed_commands: ['issue.*'],
      sanitize_output: false,
    });
    const slack = loadToolPolicy(env, 'aos-slack');
    expect(slack).toMatchObject({ max_mode: 'write', allowed_commands: null, sanitize_output: true });
  });

  it('reads the default file from HOME when AOS_POLICY is unset', () => {
    const home = tempDir();
    mkdirSync(join(home, '.argentos'));
    writeFileSync(join(home, '.argentos', 'policy.json'), JSON.stringify({ version: 1, tools: { 'aos-github': { max_mode: 'readonly' } } }));
    expect(loadToolPolicy({ HOME: home }, 'aos-github').max_mode).toBe('readonly');
  });
});
