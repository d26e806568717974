import { ERROR_EXIT_CODES, type ErrorCode, type ExitCode } from '../error-codes.js';

export type ErrorDetails = Record<string, unknown>;

/**
 * The brand every contract error carries, whichever copy of this module built it: a host (aos,
 * the MCP server) loads connectors that bundle their own copy of the contract, whose AosError is
 * another class. `Symbol.for` is the same symbol in every copy and realm (as the MCP SDK and ky
 * recognise their own errors across copies).
 */
export const AOS_ERROR_BRAND: unique symbol = Symbol.for('aos-connectors.error') as never;

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_EXIT_CODES, code);

/** Carries the brand and a contract error code: an AosError of this or any other copy. */
function isBranded(value: unknown): value is AosError {
  return typeof value === 'object' && value !== null && (value as { [AOS_ERROR_BRAND]?: unknown })[AOS_ERROR_BRAND] === true && isErrorCode((value as { code?: unknown }).code);
}

/**
 * The base of the closed set of contract errors. The exit code is never chosen by the thrower:
 * it comes from the one table in contract/error-codes.ts.
 *
 * `instanceof` works across copies: `x instanceof AosError` holds for any branded error with a
 * contract code, and `x instanceof NotFoundError` for any branded error whose code is
 * NotFoundError.code (each contract subclass declares its code statically for this). A subclass
 * without its own static code (a connector's own class) is matched by the prototype chain only.
 */
export abstract class AosError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetails;
  /** A one-line hint for people (human output only). */
  readonly hint: string | undefined;
  declare readonly [AOS_ERROR_BRAND]: true;

  constructor(message: string, options: { details?: ErrorDetails; cause?: unknown; hint?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? {};
    this.hint = options.hint;
    Object.defineProperty(this, AOS_ERROR_BRAND, { value: true, enumerable: false });
  }

  get exitCode(): ExitCode {
    return ERROR_EXIT_CODES[this.code];
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // This copy's own classes and any subclass of them: the prototype chain.
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (!isBranded(value)) return false;
    if (this === AosError) return true;
    const code = Object.hasOwn(this, 'code') ? (this as unknown as { code: unknown }).code : undefined;
    return isErrorCode(code) && value.code === code;
  }
}

/** A contract error from this or any other copy of the contract (see AOS_ERROR_BRAND). */
export function isAosError(error: unknown): error is AosError {
  return error instanceof AosError;
}
