import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AOS_ERROR_BRAND,
  AosError,
  AuthRequiredError,
  BackendUnavailableError,
  InternalError,
  isAosError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  toAosError,
} from '../src/errors/index.js';

type ErrorsModule = typeof import('../src/errors/index.js');

/**
 * A second copy of the error classes, made as a connector's build makes it: esbuild bundles the
 * contract's errors into the connector's own dist (a query-string import would copy index.ts
 * only, not the modules that define the classes).
 */
async function secondCopy(): Promise<ErrorsModule> {
  const dir = mkdtempSync(join(tmpdir(), 'aos-errors-copy-'));
  const file = join(dir, 'errors.mjs');
  await build({ entryPoints: [fileURLToPath(new URL('../src/errors/index.ts', import.meta.url))], bundle: true, format: 'esm', platform: 'node', outfile: file, logLevel: 'silent' });
  try {
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ErrorsModule;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const second = await secondCopy();

describe('contract errors built by another copy of the contract', () => {
  it('is really a second copy: other classes, so a bare prototype check would miss them', () => {
    expect(second.AosError).not.toBe(AosError);
    const foreign = new second.NotFoundError('no such item');
    expect(Function.prototype[Symbol.hasInstance].call(AosError, foreign)).toBe(false);
  });

  it('is recognised by isAosError and instanceof, and keeps its code and exit code', () => {
    const foreign = new second.NotFoundError('no such item', { details: { id: '42' } });
    expect(isAosError(foreign)).toBe(true);
    expect(foreign instanceof AosError).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(true);
    expect(foreign instanceof BackendUnavailableError).toBe(false);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', exitCode: 6, message: 'no such item', details: { id: '42' } });
  });

  it('passes through toAosError as it is, not as an INTERNAL_ERROR', () => {
    const foreign = new second.PermissionDeniedError('item.delete', 'admin', 'write');
    const converted = toAosError(foreign);
    expect(converted).toBe(foreign);
    expect(converted).toMatchObject({ code: 'PERMISSION_DENIED', exitCode: 3, details: { required_mode: 'admin', actual_mode: 'write' } });
    expect(converted instanceof PermissionDeniedError).toBe(true);
  });

  it('works both ways: this copy\'s errors are the other copy\'s too', () => {
    const local = new RateLimitedError('slow down', { details: { retry_after_s: 30 } });
    expect(second.isAosError(local)).toBe(true);
    expect(local instanceof second.RateLimitedError).toBe(true);
    expect(second.toAosError(local)).toBe(local);
  });

  it('recognises any object carrying the brand and a contract code (a copy built elsewhere)', () => {
    class OtherCopyError extends Error {
      readonly [AOS_ERROR_BRAND] = true;
      readonly code = 'AUTH_REQUIRED';
      readonly details = {};
      get exitCode() {
        return 4;
      }
    }
    expect(AOS_ERROR_BRAND).toBe(Symbol.for('aos-connectors.error'));
    const foreign = new OtherCopyError('set ACME_TOKEN');
    expect(isAosError(foreign)).toBe(true);
    expect(foreign instanceof AuthRequiredError).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(toAosError(foreign)).toBe(foreign);
    expect(toAosError(foreign)).toMatchObject({ code: 'AUTH_REQUIRED', exitCode: 4 });
  });
});

describe('errors that are not contract errors', () => {
  it.each([
    ['a plain Error', new Error('boom')],
    ['an Error with a contract-looking code but no brand', Object.assign(new Error('x'), { code: 'NOT_FOUND' })],
    ['a branded object with an unknown code', { [AOS_ERROR_BRAND]: true, code: 'ENOENT', message: 'x' }],
    ['a branded object without a code', { [AOS_ERROR_BRAND]: true }],
    ['a string', 'NOT_FOUND'],
    ['null', null],
    ['undefined', undefined],
  ])('%s is not recognised and becomes an INTERNAL_ERROR', (_, value) => {
    expect(isAosError(value)).toBe(false);
    expect(value instanceof AosError).toBe(false);
    const converted = toAosError(value);
    expect(converted).toBeInstanceOf(InternalError);
    expect(converted).toMatchObject({ code: 'INTERNAL_ERROR', exitCode: 10 });
    expect(converted.cause).toBe(value);
  });
});

describe('errors of this copy', () => {
  it('carry the brand without showing it in JSON or enumeration', () => {
    const error = new NotFoundError('gone');
    expect((error as unknown as Record<symbol, unknown>)[AOS_ERROR_BRAND]).toBe(true);
    expect(Object.keys(error)).not.toContain(AOS_ERROR_BRAND.toString());
    expect(Object.getOwnPropertySymbols({ ...error })).toEqual([]);
  });

  it('match their own class and base only', () => {
    const error = new NotFoundError('gone');
    expect(error instanceof NotFoundError).toBe(true);
    expect(error instanceof AosError).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(error instanceof InternalError).toBe(false);
  });

  it('a connector\'s own subclass (no static code) still matches by prototype only', () => {
    class RepoArchivedError extends NotFoundError {}
    const own = new RepoArchivedError('archived');
    expect(own instanceof RepoArchivedError).toBe(true);
    expect(own instanceof NotFoundError).toBe(true);
    expect(new NotFoundError('other') instanceof RepoArchivedError).toBe(false);
    expect(new second.NotFoundError('other copy') instanceof RepoArchivedError).toBe(false);
  });
});
