import { describe, expect, it } from 'vitest';
import { sanitizeData, sanitizeText } from '../../src/policy/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['CSI colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['CSI cursor and erase', 'x\u001b[2J\u001b[1;1Hy', 'xy'],
    ['CSI with private parameters', 'a\u001b[?25lb', 'ab'],
    ['OSC title, BEL-terminated', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['OSC 8 hyperlink, ST-terminated', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['unterminated OSC', 'ok\u001b]0;rest of text', 'ok'],
    ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['two-byte escapes', 'a\u001bcb\u001b(Bc', 'abc'],
    ['C0 controls', 'a\u0000b\u0007c\u0008d\u000be\u000cf\u001fg', 'abcdefg'],
    ['DEL and C1 controls', 'a\u007fb\u0085c\u0091d\u0080', 'abcd'],
    ['keeps newline and tab, CRLF becomes LF, lone CR goes', 'a\tb\r\nc\rd\n', 'a\tb\ncd\n'],
    ['leaves ordinary Unicode alone', 'héllo — 日本 🎉', 'héllo — 日本 🎉'],
  ])('strips %s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe('sanitizeData', () => {
  it('cleans every string inside JSON data, keys included, leaving other values alone', () => {
    const input = {
      title: 'Fix \u001b[31mbug\u001b[0m',
      count: 3,
      open: true,
      none: null,
      labels: [{ name: 'a\u0000b' }, 'c\u001b]0;x\u0007d'],
      ['k\u001b[1mey']: 'v',
    };
    expect(sanitizeData(input)).toEqual({ title: 'Fix bug', count: 3, open: true, none: null, labels: [{ name: 'ab' }, 'cd'], key: 'v' });
    // The input is not modified.
    expect(input.title).toContain('\u001b');
  });

  it('treats a "__proto__" key as data', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "\\u001b[1myes"}}');
    const clean = sanitizeData(parsed) as Record<string, unknown>;
    expect(Object.hasOwn(clean, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
