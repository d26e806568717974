import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/aos-email.js', import.meta.url));
const HOOK = fileURLToPath(new URL('./fixtures/record-imports.mjs', import.meta.url));
const MAIL_LIBRARIES = /^(imapflow|mailparser|nodemailer)(\/|$)/;

/** The module specifiers a run of the built bin resolved. */
function importsOf(argv: string[], env: Record<string, string> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'aos-email-imports-'));
  const record = join(dir, 'imports.txt');
  writeFileSync(record, '');
  const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...argv], {
    env: { PATH: process.env.PATH, HOME: dir, AOS_AUDIT: 'off', RECORD_IMPORTS: record, ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(record, 'utf8').split('\n').filter(Boolean);
}

describe('start-up cost', () => {
  it.each([[['--version']], [['--json', 'capabilities']], [['--help']], [['mail', 'list', '--help']], [['--json', 'config', 'show']], [['--json', 'health']]])(
    '%j loads no IMAP, SMTP or MIME library',
    (argv) => {
      const loaded = importsOf(argv);
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded.filter((specifier) => MAIL_LIBRARIES.test(specifier))).toEqual([]);
    },
  );

  it('a dry run of mail send loads no library either: it connects to nothing', () => {
    const loaded = importsOf(['--json', '--dry-run', 'mail', 'send', '--to', 'ann@example.com', '--subject', 's', '--text', 't'], {
      EMAIL_SMTP_HOST: 'smtp.example.com',
      EMAIL_USER: 'agent@example.com',
    });
    expect(loaded.filter((specifier) => MAIL_LIBRARIES.test(specifier))).toEqual([]);
  });
});
