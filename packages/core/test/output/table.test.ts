import { describe, expect, it } from 'vitest';
import { columnHeaders, fitWidths, relativeTime, renderRecord, renderTable, summarize } from '../../src/output/table.js';

const NOW = Date.parse('2024-06-10T12:00:00Z');

describe('columnHeaders', () => {
  it('reads like gh: upper case, name-like tails and _at dropped, clashes keep their full path', () => {
    expect(columnHeaders(['id', 'user.login', 'commit.sha', 'head.ref', 'created_at', 'full_name'])).toEqual(['ID', 'USER', 'COMMIT', 'HEAD REF', 'CREATED', 'FULL NAME']);
    expect(columnHeaders(['user.login', 'user.id'])).toEqual(['USER LOGIN', 'USER ID']);
    expect(columnHeaders(['created', 'created_at'])).toEqual(['CREATED', 'CREATED AT']);
  });
});

describe('relativeTime', () => {
  it('gh-like phrases for ISO times only', () => {
    expect(relativeTime('2024-06-07T11:00:00Z', NOW)).toBe('3 days ago');
    expect(relativeTime('2024-06-10T11:59:30Z', NOW)).toBe('less than a minute ago');
    expect(relativeTime('2024-06-10T10:00:00.000+00:00', NOW)).toBe('2 hours ago');
    expect(relativeTime('2022-06-10T12:00:00Z', NOW)).toBe('2 years ago');
    expect(relativeTime('2024-06-11T12:00:00Z', NOW)).toBe('in 1 day');
    expect(relativeTime('2024-06-10', NOW)).toBeUndefined();
    expect(relativeTime('not a time', NOW)).toBeUndefined();
  });
});

describe('summarize', () => {
  it('counts arrays, names objects, flattens strings', () => {
    expect(summarize([{ name: 'bug' }, { name: 'ui' }, { name: 'docs' }, { name: 'p1' }])).toBe('4 items (bug, ui, docs, …)');
    expect(summarize([])).toBe('0 items');
    expect(summarize({ login: 'octo', id: 1 })).toBe('octo');
    expect(summarize({ a: { b: 1 }, c: [] })).toBe('{2 fields}');
    expect(summarize('two\nlines\u001b[31m')).toBe('two lines [31m');
  });
});

describe('fitWidths / renderTable', () => {
  it('shrinks the widest column until the row fits', () => {
    expect(fitWidths([2, 90, 5], 80)).toEqual([2, 69, 5]);
    expect(fitWidths([40, 40], 50)).toEqual([24, 24]);
    expect(fitWidths([3, 4], 2)).toEqual([3, 4]);
  });

  it('truncates with … and is linear for 200k rows', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({ id: i, title: `t${i}`, user: { login: 'octo' } }));
    const text = renderTable(items, ['id', 'title', 'user.login'], undefined, true, { width: 20 });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toBe('ID      TITLE   USER');
    expect(lines[200_000]).toBe('199999  t1999…  octo');
  });
});

describe('renderRecord', () => {
  it('aligned key/value lines cut to the width; relative times only on a TTY', () => {
    const record = { title: 'x'.repeat(50), created_at: '2024-06-07T11:00:00Z', labels: ['a'] };
    expect(renderRecord(record, undefined, { width: 30, tty: true, now: NOW })).toBe(
      `title       ${'x'.repeat(17)}…\ncreated_at  3 days ago\nlabels      1 item (a)\n`,
    );
    expect(renderRecord(record, undefined, { width: 40, now: NOW })).toContain('created_at  2024-06-07T11:00:00Z\n');
  });
});
