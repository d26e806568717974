import { describe, expect, it } from 'vitest';
import { healthSchema } from '@aos-connectors/contract';
import { INSTALL_STATES, installStateOfStatus, normalizeHealthStatus, UNPROBED_REASON, UNPROBED_STATE, verdictOfHealthOutput } from '../../src/discovery/index.js';
import { envelope, healthEnvelope } from './fake-connectors.js';

describe('the installState vocabulary', () => {
  it('is exactly CONTRACT §8\'s four states: no `installed`', () => {
    expect([...INSTALL_STATES].sort()).toEqual(['error', 'needs-setup', 'ready', 'repo-only']);
  });

  it('an unprobed binary is needs-setup, with a reason pointing at the probe (not ready: no health said so)', () => {
    expect(UNPROBED_STATE).toBe('needs-setup');
    expect(INSTALL_STATES).toContain(UNPROBED_STATE);
    expect(UNPROBED_REASON).toMatch(/not probed yet.*aos health/);
  });
});

describe('health status → installState', () => {
  it('maps every status the contract defines (the health vocabulary is snake_case, installState kebab-case)', () => {
    const statuses = healthSchema.shape.status.options;
    expect(Object.fromEntries(statuses.map((status) => [status, installStateOfStatus(status)]))).toEqual({
      healthy: 'ready',
      needs_setup: 'needs-setup',
      degraded: 'ready',
      error: 'error',
    });
  });

  it('regression: needs_setup is never compared verbatim with needs-setup; both spellings and casings mean needs-setup', () => {
    for (const status of ['needs_setup', 'needs-setup', 'NEEDS_SETUP', 'Needs Setup', ' needs-setup ']) {
      expect(installStateOfStatus(status), status).toBe('needs-setup');
    }
    expect(normalizeHealthStatus('Needs-Setup')).toBe('needs_setup');
  });

  it('an unknown status is not guessed at', () => {
    expect(installStateOfStatus('ok')).toBeUndefined();
    expect(verdictOfHealthOutput(envelope('aos-x', 'health', { status: 'fine', ready: true }))).toMatchObject({
      installState: 'error',
      reason: 'unrecognized health status "fine"',
    });
  });
});

describe('verdict of a health envelope', () => {
  it('healthy → ready, with the health kept and no reason', () => {
    expect(verdictOfHealthOutput(healthEnvelope('aos-x', 'healthy'))).toEqual({
      installState: 'ready',
      health: { status: 'healthy', ready: true, checks: [{ name: 'credentials', ok: true, detail: 'TOKEN from env' }], next_steps: [] },
    });
  });

  it('needs_setup → needs-setup, the failed checks as the reason and next steps kept', () => {
    expect(verdictOfHealthOutput(healthEnvelope('aos-x', 'needs_setup'))).toEqual({
      installState: 'needs-setup',
      reason: 'credentials: TOKEN not set',
      health: {
        status: 'needs_setup',
        ready: false,
        checks: [{ name: 'credentials', ok: false, detail: 'TOKEN not set' }],
        next_steps: ['Set TOKEN'],
      },
    });
  });

  it('a connector printing the kebab spelling is read the same, and its status normalized', () => {
    expect(verdictOfHealthOutput(healthEnvelope('aos-x', 'needs-setup'))).toMatchObject({
      installState: 'needs-setup',
      health: { status: 'needs_setup' },
    });
  });

  it('degraded → ready (configured; the backend misbehaved), with the reason; error → error', () => {
    expect(verdictOfHealthOutput(healthEnvelope('aos-x', 'degraded'))).toMatchObject({
      installState: 'ready',
      reason: 'credentials: TOKEN not set',
      health: { status: 'degraded', ready: false },
    });
    expect(verdictOfHealthOutput(healthEnvelope('aos-x', 'error'))).toMatchObject({ installState: 'error', health: { status: 'error' } });
  });

  it('tolerates a minimal health from an older connector (status only)', () => {
    expect(verdictOfHealthOutput({ ok: true, data: { status: 'healthy' } })).toEqual({
      installState: 'ready',
      health: { status: 'healthy', ready: true, checks: [], next_steps: [] },
    });
    expect(verdictOfHealthOutput({ ok: true, data: { status: 'needs_setup' } })).toEqual({
      installState: 'needs-setup',
      reason: 'health status needs_setup',
      health: { status: 'needs_setup', ready: false, checks: [], next_steps: [] },
    });
  });

  it('an error envelope for missing configuration means needs-setup; any other error means error', () => {
    const failure = (code: string) => ({ ok: false, tool: 'aos-x', command: 'health', error: { code, message: `${code} happened`, details: {} } });
    expect(verdictOfHealthOutput(failure('AUTH_REQUIRED'))).toEqual({ installState: 'needs-setup', reason: 'AUTH_REQUIRED: AUTH_REQUIRED happened' });
    expect(verdictOfHealthOutput(failure('CONFIG_ERROR'))).toMatchObject({ installState: 'needs-setup' });
    expect(verdictOfHealthOutput(failure('INVALID_USAGE'))).toEqual({ installState: 'error', reason: 'INVALID_USAGE: INVALID_USAGE happened' });
  });

  it('JSON that is not a health envelope is an error', () => {
    for (const output of [null, 42, [], { ok: true }, { ok: true, data: { ready: true } }, { ok: 'yes' }]) {
      expect(verdictOfHealthOutput(output), JSON.stringify(output)).toEqual({
        installState: 'error',
        reason: 'health printed JSON that is not a health envelope',
      });
    }
  });
});
