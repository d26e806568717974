import { describe, expect, it } from 'vitest';
import { placeholderSetting, socketSettings } from '../src/context.js';
import { destructiveVerb } from '../src/destructive.js';
import { firstDifference } from '../src/diff.js';
import { readmeSections } from '../src/gates/docs.js';
import { parseJunit } from '../src/junit.js';
import { levelOf } from '../src/report.js';
import { candidateArgs, sampleValue, SERVER_URL } from '../src/samples.js';
import { hasStackTrace } from '../src/text.js';

describe('argument synthesis from a command input schema', () => {
  it('fills required fields with values their constraints accept', () => {
    expect(sampleValue({ type: 'string', pattern: '^[A-Za-z0-9-]+\\/[A-Za-z0-9._-]+$' })).toBe('certify/certify');
    expect(sampleValue({ type: 'string', enum: ['open', 'closed'] })).toBe('open');
    expect(sampleValue({ type: 'integer', minimum: 5 })).toBe('5');
    expect(sampleValue({ type: 'string', pattern: '^[0-9a-f]{40}$' })).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(sampleValue({ anyOf: [{ type: 'null' }, { type: 'boolean' }] })).toBe(true);
    expect(sampleValue({ type: 'string', pattern: '^never$' })).toBeUndefined();
    // A URL the connector fetches is pointed at the test server of each call.
    expect(sampleValue({ type: 'string', format: 'uri' })).toBe(`${SERVER_URL}/certify`);
  });

  it('tries the required fields, then one optional field at a time, then all', () => {
    const schema = {
      type: 'object',
      properties: { number: { type: 'integer', minimum: 1 }, title: { type: 'string' }, draft: { type: 'boolean' }, limit: { type: 'integer' } },
      required: ['number'],
    };
    expect(candidateArgs(schema)).toEqual([
      ['--number', '1'],
      ['--number', '1', '--title', 'certify'],
      ['--number', '1', '--draft'],
      ['--number', '1', '--title', 'certify', '--draft'],
    ]);
    expect(candidateArgs({ properties: { repo_name: { type: 'string', pattern: '^x$' } }, required: ['repo_name'] })).toEqual([]);
  });
});

describe('settings of the connector under test', () => {
  it('gets a plausible placeholder for an unset setting', () => {
    expect(['EMAIL_USER', 'EMAIL_IMAP_HOST', 'EMAIL_IMAP_PORT', 'EMAIL_SMTP_SECURE', 'GITHUB_OWNER'].map(placeholderSetting)).toEqual([
      'certify@example.com', '127.0.0.1', '9', 'false', 'certify',
    ]);
  });

  it('finds the host/port pairs of a connector that does not speak HTTP', () => {
    expect(socketSettings(['EMAIL_IMAP_HOST', 'EMAIL_IMAP_PORT', 'EMAIL_SMTP_HOST', 'EMAIL_SMTP_PORT', 'EMAIL_USER', 'PROXY_HOST'])).toEqual([
      { host: 'EMAIL_IMAP_HOST', port: 'EMAIL_IMAP_PORT' },
      { host: 'EMAIL_SMTP_HOST', port: 'EMAIL_SMTP_PORT' },
    ]);
  });
});

describe('helpers', () => {
  it('finds destructive verbs as words of a command id', () => {
    expect(destructiveVerb('pr.merge')).toBe('merge');
    expect(destructiveVerb('label.remove_all')).toBe('remove');
    expect(destructiveVerb('query.execute_sql')).toBe('execute');
    expect(destructiveVerb('item.list')).toBeUndefined();
    expect(destructiveVerb('merger.list')).toBeUndefined();
  });

  it('names the first difference between two JSON values', () => {
    expect(firstDifference({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe('a[1].b: 2 where the definition gives 3');
    expect(firstDifference({ a: 1 }, { a: 1, c: true })).toBe('c is missing (expected true)');
    expect(firstDifference([1, 2], [1, 2])).toBeUndefined();
  });

  it('recognizes stack traces', () => {
    expect(hasStackTrace('TypeError: x\n    at run (file:///a/b.js:3:9)')).toBe(true);
    expect(hasStackTrace('    at node:internal/process/task_queues:95:5')).toBe(true);
    expect(hasStackTrace('The API answered 500: look at the status page')).toBe(false);
  });

  it('reads vitest JUnit reports', () => {
    const xml = `<testsuite><testcase classname="test/a.test.ts" name="item.list &gt; returns &quot;items&quot;" time="0.1">
      </testcase><testcase classname="test/a.test.ts" name="b" time="0"><failure message="x"/></testcase>
      <testcase classname="test/a.test.ts" name="c" time="0"><skipped/></testcase></testsuite>`;
    expect(parseJunit(xml)).toEqual([
      { file: 'test/a.test.ts', name: 'item.list > returns "items"', status: 'passed' },
      { file: 'test/a.test.ts', name: 'b', status: 'failed' },
      { file: 'test/a.test.ts', name: 'c', status: 'skipped' },
    ]);
  });

  it('splits a README at ## headings, ignoring fenced code', () => {
    const sections = readmeSections('# t\n\n## Install\n\n```sh\n## not a heading\n```\n## Setup\nx\n');
    expect(sections.map((s) => s.heading)).toEqual(['Install', 'Setup']);
    expect(sections[0]!.body).toContain('## not a heading');
  });

  it('states the level from the failed gates', () => {
    expect(levelOf([{ gate: 'contract', pass: true, duration_ms: 1, checks: [] }])).toBe('certified');
    expect(levelOf([
      { gate: 'safety', pass: false, duration_ms: 1, checks: [] },
      { gate: 'docs', pass: false, duration_ms: 1, checks: [] },
    ])).toBe('failed: safety, docs');
  });
});
