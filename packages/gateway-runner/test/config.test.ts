import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAosError } from '@aos-connectors/contract';
import { expandString, loadConfig } from '../src/index.js';
import { writeConfig } from './support.js';

async function configError(yaml: string, env: Record<string, string> = {}) {
  try {
    await loadConfig(writeConfig(yaml), env);
  } catch (error) {
    if (isAosError(error)) return error;
    throw error;
  }
  throw new Error('expected a CONFIG_ERROR');
}

describe('${VAR} expansion', () => {
  it('expands set variables, falls back for :- defaults, and keeps $$ as $', () => {
    expect(expandString('${A}-${B:-two}-${C:-three}-$$HOME', { A: 'one', C: '' })).toEqual({ value: 'one-two-three-$HOME', missing: [] });
    expect(expandString('x${EMPTY}y', { EMPTY: '' })).toEqual({ value: 'xy', missing: [] });
    expect(expandString('${NOPE} and ${ALSO_NOPE}', {})).toMatchObject({ missing: ['NOPE', 'ALSO_NOPE'] });
  });
});

describe('connectors.yml', () => {
  it('reads instances with defaults, expanded env and resolved homes', async () => {
    const file = writeConfig(`
home: ./state
instances:
  - name: telegram-main
    connector: aos-telegram
    env:
      TELEGRAM_BOT_TOKEN: \${TELEGRAM_BOT_TOKEN}
      RETRIES: 3
  - name: mail
    connector: ./bin/aos-email
    home: ~/agent
    mode: full
    env: { EMAIL_MAILBOX: "\${MAILBOX:-INBOX}" }
  - name: off
    connector: aos-slack
    enabled: false
`);
    const config = await loadConfig(file, { TELEGRAM_BOT_TOKEN: '123:abc' });
    expect(config.instances).toEqual([
      { name: 'telegram-main', connector: 'aos-telegram', home: join(dirname(file), 'state'), env: { TELEGRAM_BOT_TOKEN: '123:abc', RETRIES: '3' }, mode: 'write' },
      { name: 'mail', connector: './bin/aos-email', home: join(homedir(), 'agent'), env: { EMAIL_MAILBOX: 'INBOX' }, mode: 'full' },
    ]);
    expect(config.disabled).toEqual(['off']);
    expect(config.restart).toMatchObject({ base_ms: 1000, max_ms: 60_000, max_restarts: 0, stop_timeout_ms: 15_000 });
  });

  it('accepts the seed\'s "connectors:" key for the list', async () => {
    const config = await loadConfig(writeConfig('connectors:\n  - { name: a, connector: aos-x, home: /tmp/h }\n'), {});
    expect(config.instances.map((i) => i.name)).toEqual(['a']);
  });

  it('an unset variable is a CONFIG_ERROR (exit 4) naming it and where it is used', async () => {
    const error = await configError('instances:\n  - name: tg\n    connector: aos-telegram\n    home: /tmp/h\n    env:\n      TELEGRAM_BOT_TOKEN: ${TELEGRAM_BOT_TOKEN}\n');
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(/environment variable not set: \$\{TELEGRAM_BOT_TOKEN\} \(at instances\[0\]\.env\.TELEGRAM_BOT_TOKEN\)/);
    expect(error.details).toMatchObject({ missing: ['TELEGRAM_BOT_TOKEN'] });
  });

  it.each([
    ['a mode a gateway cannot run in', 'instances:\n  - { name: a, connector: aos-x, home: /h, mode: readonly }\n', /instances\[0\]\.mode: a gateway needs mode write, full or admin/],
    ['an unknown key', 'instances:\n  - { name: a, connector: aos-x, home: /h, token: x }\n', /instances\[0\]: Unrecognized key: "token"/],
    ['a name that is not path-safe', 'instances:\n  - { name: "../evil", connector: aos-x, home: /h }\n', /instances\[0\]\.name: use 1-64 letters/],
    ['a missing connector', 'instances:\n  - { name: a, home: /h }\n', /instances\[0\]\.connector/],
    ['an empty list', 'instances: []\n', /list at least one instance/],
    ['a name used twice', 'instances:\n  - { name: a, connector: aos-x, home: /h }\n  - { name: a, connector: aos-y, home: /h }\n', /"a" is used twice/],
    ['no home anywhere', 'instances:\n  - { name: a, connector: aos-x }\n', /has no home/],
    ['YAML that does not parse', 'instances: [\n', /is not valid YAML/],
  ])('rejects %s with a CONFIG_ERROR that says where', async (_what, yaml, message) => {
    const error = await configError(yaml);
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.message).toMatch(message);
  });

  it('a file that does not exist is a CONFIG_ERROR', async () => {
    await expect(loadConfig('/nonexistent/connectors.yml', {})).rejects.toMatchObject({ code: 'CONFIG_ERROR', message: expect.stringMatching(/Cannot read .*ENOENT/) });
  });
});
