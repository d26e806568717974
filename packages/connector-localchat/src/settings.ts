import { userInfo } from 'node:os';
import { ConfigError, type Settings } from '@aos-connectors/core';

export interface ChatSettings {
  /** The sender id of every line typed. */
  user: string;
  conversation: string;
  /** `text` prints each reply's text; `json` one OutgoingMessage per line (for scripts). */
  format: 'text' | 'json';
  /** Where replies go. stdout unless told otherwise (see README: --json and the gateway). */
  output: 'stdout' | 'stderr';
}

function osUser(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    return 'user';
  }
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`, { details: { setting: name } });
}

export function chatSettings(settings: Settings): ChatSettings {
  return {
    user: settings.get('LOCALCHAT_USER') ?? osUser(),
    conversation: settings.get('LOCALCHAT_CONVERSATION') ?? 'local',
    format: oneOf('LOCALCHAT_FORMAT', settings.get('LOCALCHAT_FORMAT') ?? 'text', ['text', 'json']),
    output: oneOf('LOCALCHAT_OUTPUT', settings.get('LOCALCHAT_OUTPUT') ?? 'stdout', ['stdout', 'stderr']),
  };
}
