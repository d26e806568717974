import { isAosError, type AosError } from '@aos-connectors/core';
import { mapMailError } from './errors.js';

/**
 * A raw library error that escaped a command (the core wraps it as INTERNAL_ERROR with the
 * original in `cause`) still gets the mail mapping, so a refused login is never a "bug".
 */
export function mapInternal(error: AosError): AosError | undefined {
  if (error.code !== 'INTERNAL_ERROR') return undefined;
  const mapped = mapMailError(error.cause, 'mail');
  return isAosError(mapped) ? mapped : undefined;
}
