// Issue 11 finding 7a: no walker on response data overflows the stack on deep input.
import { describe, expect, it } from 'vitest';
import { checkJsonDepth } from '../../src/http/read-body.js';
import { sanitizeData } from '../../src/policy/sanitize.js';

describe('deep data (issue 11 finding 7a)', () => {
  it('sanitizeData walks 100,000 levels without recursion, cleaning the innermost string', () => {
    let value: unknown = '\u001b[31mred';
    for (let i = 0; i < 100_000; i++) value = i % 2 ? [value] : { ['k\u0007']: value };
    let out = sanitizeData(value) as unknown;
    for (let i = 100_000 - 1; i >= 0; i--) out = i % 2 ? (out as unknown[])[0] : (out as Record<string, unknown>).k;
    expect(out).toBe('red');
  });

  it('checkJsonDepth: counts only brackets outside strings, escaped quotes included', () => {
    expect(() => checkJsonDepth(`${'['.repeat(257)}${']'.repeat(257)}`)).toThrow(/256 levels/);
    expect(() => checkJsonDepth(`["\\"${'['.repeat(1000)}"]`)).not.toThrow();
    expect(() => checkJsonDepth(`${'['.repeat(256)}${']'.repeat(256)}`)).not.toThrow();
  });
});
