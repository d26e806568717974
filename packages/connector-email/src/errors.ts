import {
  AuthFailedError,
  AuthRequiredError,
  BackendUnavailableError,
  NotFoundError,
  RateLimitedError,
  TimeoutError,
  ValidationFailedError,
  isAosError,
  type AosError,
} from '@aos-connectors/core';

/** What a raw IMAP or SMTP failure carries (imapflow and nodemailer set these). */
interface MailLibraryError {
  code?: string;
  originalCode?: string;
  message?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
  mailboxMissing?: boolean;
  responseStatus?: string;
  responseText?: string;
  serverResponseCode?: string;
  throttleReset?: number;
  responseCode?: number;
  response?: unknown;
  command?: string;
  rejected?: string[];
  cause?: unknown;
  _err?: unknown;
}

const NETWORK = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETDOWN',
  // imapflow: the server closed or never finished the connection.
  'NoConnection', 'EConnectionClosed', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS',
  // nodemailer
  'ECONNECTION', 'ESOCKET', 'EDNS', 'EPROTOCOL', 'EPROXY',
]);
/** Certificate and handshake failures (Node's, OpenSSL's, nodemailer's ETLS): retrying will not fix them. */
const TLS = /^(ETLS|EPROTO|ERR_SSL_|ERR_TLS_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|CERT_)/;
const TIMEOUTS = new Set(['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

/** The most specific code on the error or its causes (a socket's ECONNREFUSED under ESOCKET). */
function codes(error: MailLibraryError): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth += 1) {
    const { code, originalCode, cause, _err } = current as MailLibraryError;
    // nodemailer keeps the socket's own code (e.g. DEPTH_ZERO_SELF_SIGNED_CERT) beside its ESOCKET.
    if (typeof originalCode === 'string') found.push(originalCode);
    if (typeof code === 'string') found.push(code);
    current = cause ?? _err;
  }
  return found;
}

/** One factual line from the server's reply, without the protocol noise. */
function serverText(error: MailLibraryError): string | undefined {
  const text = error.responseText ?? (typeof error.response === 'string' ? error.response : undefined);
  return text?.replace(/\s+/g, ' ').trim().slice(0, 300) || undefined;
}

/**
 * Maps an imapflow or nodemailer failure to the contract's closed set of errors (CONTRACT §3):
 * refused login → AUTH_FAILED, unreachable server → BACKEND_UNAVAILABLE, a stalled one →
 * TIMEOUT, a refused recipient or message (SMTP 5xx) → VALIDATION_FAILED. `where` names the
 * server (`IMAP 127.0.0.1:993`) so the message says which one failed. Anything unknown is
 * returned as is (the core reports it as INTERNAL_ERROR).
 */
export function mapMailError(thrown: unknown, where: string): unknown {
  if (isAosError(thrown) || !thrown || typeof thrown !== 'object') return thrown;
  const error = thrown as MailLibraryError;
  const all = codes(error);
  const server = serverText(error);
  const details = { server: where, ...(all[0] ? { library_code: all[0] } : {}), ...(server ? { server_response: server } : {}) };

  if (error.authenticationFailed || all.includes('EAUTH')) {
    return new AuthFailedError(`The ${where} server refused the login`, {
      cause: thrown,
      details,
      hint: 'Check EMAIL_USER and EMAIL_PASSWORD (many providers need an app password).',
    });
  }
  if (all.includes('ENOAUTH')) return new AuthRequiredError(`The ${where} server requires a login and no credentials were given`, { cause: thrown, details });
  if (error.mailboxMissing) return new NotFoundError(`The mailbox does not exist on the ${where} server`, { cause: thrown, details });
  if (all.includes('ETHROTTLE')) {
    const wait = Math.ceil((error.throttleReset ?? 60_000) / 1000);
    return new RateLimitedError(`The ${where} server is throttling requests`, { cause: thrown, details: { ...details, retryable: true, retry_after_s: wait } });
  }
  const tls = all.find((code) => TLS.test(code)) ?? (error.tlsFailed ? 'TLS' : undefined);
  if (tls) {
    return new BackendUnavailableError(`TLS with the ${where} server failed (${tls})`, {
      cause: thrown,
      details: { ...details, tls_error: tls, retryable: false },
      hint: 'Check the port and EMAIL_*_SECURE (993/465: TLS from the start; 143/587: STARTTLS); for a private CA set NODE_EXTRA_CA_CERTS.',
    });
  }
  const timeout = all.find((code) => TIMEOUTS.has(code));
  if (timeout) return new TimeoutError(`The ${where} server did not answer in time`, { cause: thrown, details: { ...details, retryable: true } });
  const network = all.find((code) => NETWORK.has(code));
  if (network && !error.responseCode) {
    return new BackendUnavailableError(`The ${where} server could not be reached (${network})`, { cause: thrown, details: { ...details, retryable: true } });
  }
  if (typeof error.responseCode === 'number') return smtpReplyError(error, where, details, thrown);
  if (error.responseStatus === 'NO' || error.responseStatus === 'BAD') {
    return new ValidationFailedError(`The ${where} server refused ${error.command ?? 'the command'}${server ? `: ${server}` : ''}`, { cause: thrown, details });
  }
  return thrown;
}

/** SMTP replies: 4xx is temporary (greylisting, full queue), 5xx is a permanent refusal of what was sent. */
function smtpReplyError(error: MailLibraryError, where: string, details: Record<string, unknown>, cause: unknown): AosError {
  const code = error.responseCode!;
  const server = serverText(error);
  const withCode = { ...details, smtp_code: code, ...(error.rejected?.length ? { rejected: error.rejected } : {}) };
  if (code >= 500) {
    const what = error.rejected?.length ? `the recipient ${error.rejected.join(', ')}` : 'the message';
    return new ValidationFailedError(`The ${where} server rejected ${what} (${code})${server ? `: ${server}` : ''}`, {
      cause,
      details: { ...withCode, retryable: false },
    });
  }
  return new BackendUnavailableError(`The ${where} server deferred the message (${code})${server ? `: ${server}` : ''}`, {
    cause,
    details: { ...withCode, retryable: true },
  });
}

/** The deadline passed while talking to `where`. */
export function deadlineError(where: string): AosError {
  return new TimeoutError(`The ${where} server did not finish before the deadline`, {
    details: { server: where, retryable: true },
    hint: 'Raise --timeout-ms.',
  });
}

/** imapflow reports a failed SEARCH (or one on a dropped connection) as `false`, not as an error. */
export function searchFailed(where: string): AosError {
  return new BackendUnavailableError(`The ${where} server did not complete the search`, { details: { server: where, retryable: true } });
}
