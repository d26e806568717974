import { ConfigError, type Settings } from '@aos-connectors/core';

/** Where and how to reach one mail server. */
export interface ServerConfig {
  host: string;
  port: number;
  /** TLS from the first byte (993/465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** Undefined under --dry-run, which needs no credentials. */
  password: string | undefined;
}

export interface ImapConfig extends ServerConfig {
  mailbox: string;
}

export interface SmtpConfig extends ServerConfig {
  /** The From address (EMAIL_FROM, else EMAIL_USER). */
  from: string;
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`${name} must be a port number (1-65535), got "${value}"`, { details: { setting: name } });
  return port;
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`, { details: { setting: name } });
}

/** IMAP settings; the password only when `withPassword` (a dry run or a config check needs none). */
export function imapConfig(settings: Settings, withPassword = true): ImapConfig {
  const port = parsePort('EMAIL_IMAP_PORT', settings.get('EMAIL_IMAP_PORT') ?? '993');
  const secure = settings.get('EMAIL_IMAP_SECURE');
  return {
    host: settings.require('EMAIL_IMAP_HOST'),
    port,
    secure: secure === undefined ? port === 993 : parseBoolean('EMAIL_IMAP_SECURE', secure),
    user: settings.require('EMAIL_USER'),
    password: withPassword ? settings.require('EMAIL_PASSWORD') : undefined,
    mailbox: settings.get('EMAIL_MAILBOX') ?? 'INBOX',
  };
}

/** SMTP settings; port 465 means implicit TLS unless EMAIL_SMTP_SECURE says otherwise. */
export function smtpConfig(settings: Settings, withPassword = true): SmtpConfig {
  const port = parsePort('EMAIL_SMTP_PORT', settings.get('EMAIL_SMTP_PORT') ?? '465');
  const secure = settings.get('EMAIL_SMTP_SECURE');
  const user = settings.require('EMAIL_USER');
  const from = settings.get('EMAIL_FROM') ?? user;
  if (!from.includes('@')) {
    throw new ConfigError('EMAIL_FROM is not set and EMAIL_USER is not an email address', {
      details: { missing: ['EMAIL_FROM'] },
      hint: 'Set EMAIL_FROM to the address mail is sent from.',
    });
  }
  return {
    host: settings.require('EMAIL_SMTP_HOST'),
    port,
    secure: secure === undefined ? port === 465 : parseBoolean('EMAIL_SMTP_SECURE', secure),
    user,
    password: withPassword ? settings.require('EMAIL_PASSWORD') : undefined,
    from,
  };
}

/** `host:port` for messages and details (never the user or password). */
export const endpoint = (server: Pick<ServerConfig, 'host' | 'port'>) => `${server.host}:${server.port}`;
