import { describe, expect, it } from 'vitest';
import { isIncoming, normalizeMessage } from '../src/gateway/normalize.js';
import { gatewaySettings } from '../src/gateway/settings.js';
import { compareTs, nowTs, tsToIso } from '../src/gateway/ts.js';
import type { Settings } from '@aos-connectors/core';

const settingsOf = (values: Record<string, string>): Settings => ({
  get: (name) => values[name],
  require: (name) => {
    if (values[name] === undefined) throw new Error(`${name} missing`);
    return values[name]!;
  },
  source: () => null,
});

describe('Slack timestamps', () => {
  it('compare as seconds then microseconds, never as floats', () => {
    expect(compareTs('1512085950.000216', '1512085950.000217')).toBeLessThan(0);
    expect(compareTs('1512085950.1', '1512085950.000999')).toBeGreaterThan(0);
    expect(compareTs('1512085951', '1512085950.999999')).toBeGreaterThan(0);
    expect(compareTs('1512085950.000216', '1512085950.000216')).toBe(0);
  });

  it('convert to ISO 8601 and from the clock', () => {
    expect(tsToIso('1512085950.218404')).toBe('2017-11-30T23:52:30.218Z');
    expect(nowTs(1512085950218)).toBe('1512085950.218000');
  });
});

describe('gateway settings', () => {
  it('reads SLACK_CHANNELS (deduplicated) and keeps history calls at or below 40 a minute', () => {
    expect(gatewaySettings(settingsOf({ SLACK_CHANNELS: 'C1, C2,C1' }))).toEqual({ channels: ['C1', 'C2'], idleDelayMs: 5000 });
    expect(gatewaySettings(settingsOf({ SLACK_CHANNELS: 'C1', SLACK_POLL_INTERVAL_S: '0.5' })).idleDelayMs).toBe(1500);
    expect(gatewaySettings(settingsOf({ SLACK_CHANNELS: 'C1,C2,C3,C4,C5,C6', SLACK_POLL_INTERVAL_S: '2' })).idleDelayMs).toBe(9000);
    expect(() => gatewaySettings(settingsOf({ SLACK_CHANNELS: 'C1', SLACK_POLL_INTERVAL_S: 'soon' }))).toThrow(/SLACK_POLL_INTERVAL_S/);
  });
});

describe('normalizeMessage', () => {
  const self = { user_id: 'W23456789', bot_id: 'BZYBOTHED' };
  it('skips this app\'s messages by bot id and by bot user, and empty ones', () => {
    expect(isIncoming({ type: 'message', user: 'W23456789', text: 'mine', ts: '1.1' }, self)).toBe(false);
    expect(isIncoming({ type: 'message', bot_id: 'BZYBOTHED', subtype: 'bot_message', text: 'mine', ts: '1.2' }, self)).toBe(false);
    expect(isIncoming({ type: 'message', user: 'U1', text: '', ts: '1.3' }, self)).toBe(false);
    expect(isIncoming({ type: 'message', subtype: 'message_deleted', ts: '1.4' }, self)).toBe(false);
    expect(isIncoming({ type: 'message', subtype: 'me_message', user: 'U1', text: 'waves', ts: '1.5' }, self)).toBe(true);
  });

  it('a message that is its own thread parent gets no thread_id', () => {
    const message = normalizeMessage('C1', { type: 'channel', name: 'general' }, { type: 'message', user: 'U1', text: 'root', ts: '5.5', thread_ts: '5.5' }, { username: null, display_name: null });
    expect(message).not.toHaveProperty('thread_id');
    expect(message.sender).toEqual({ id: 'U1', username: null, display_name: null });
  });
});
