import { ConfigError, type Settings } from '@aos-connectors/core';

export const CHANNELS = 'SLACK_CHANNELS';
export const POLL_INTERVAL = 'SLACK_POLL_INTERVAL_S';
export const DEFAULT_POLL_INTERVAL_S = 5;
/** conversations.history is Tier 3 (50+ a minute): polls stay at or below 40 a minute, whatever the channel count. */
const MAX_HISTORY_CALLS_PER_MINUTE = 40;

/** The gateway's configuration: which channels to poll and how often. */
export interface GatewaySettings {
  channels: string[];
  /** Pause after a poll that found nothing, in ms. */
  idleDelayMs: number;
}

export function gatewaySettings(settings: Settings): GatewaySettings {
  const channels = [...new Set(settings.require(CHANNELS).split(',').map((id) => id.trim()).filter(Boolean))];
  const invalid = channels.filter((id) => !/^[A-Z0-9]{2,}$/.test(id));
  if (channels.length === 0 || invalid.length > 0) {
    throw new ConfigError(`${CHANNELS} must list conversation ids separated by commas${invalid.length ? ` (not ${invalid.join(', ')})` : ''}`, {
      details: { setting: CHANNELS, invalid },
      hint: 'Use ids such as C012AB3CD from `aos-slack channel list`, not #names.',
    });
  }
  const interval = Number(settings.get(POLL_INTERVAL) ?? DEFAULT_POLL_INTERVAL_S);
  if (!Number.isFinite(interval) || interval <= 0) {
    throw new ConfigError(`${POLL_INTERVAL} must be a number of seconds above 0`, { details: { setting: POLL_INTERVAL } });
  }
  const floorMs = (channels.length * 60_000) / MAX_HISTORY_CALLS_PER_MINUTE;
  return { channels, idleDelayMs: Math.max(interval * 1000, floorMs) };
}
