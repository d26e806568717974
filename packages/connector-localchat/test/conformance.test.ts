import { expect, it } from 'vitest';
import { conformanceSuite, runCli } from '@aos-connectors/testing';
import localchat from '../src/connector.js';

// session.info needs no arguments; gateway is a daemon without a dry run, so it gets no sample.
conformanceSuite(localchat, { samples: {} });

it('health reports healthy with no account and no setup', async () => {
  const result = await runCli(localchat, ['--json', 'health']);
  expect(result.exitCode).toBe(0);
  expect(result.json().data).toMatchObject({ status: 'healthy', ready: true, checks: [{ name: 'credentials', ok: true, detail: 'none needed' }] });
});
