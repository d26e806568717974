import { expect, it } from 'vitest';
import { conformanceSuite } from '@aos-connectors/testing';
import telegram from '../src/connector.js';
import { botUser } from './fixtures.js';
import { samples } from './samples.js';

// Every contract rule (manifest match, envelopes, modes, dry runs, error mapping, secrets, audit)
// against a real local HTTP server; the canary token sits in every request path.
conformanceSuite(telegram, {
  samples,
  healthyResponse: { ok: true, result: botUser },
});

it("has a sample for every command but the gateway, so the suite's dry-run checks cover every write", () => {
  expect(Object.keys(samples).sort()).toEqual(telegram.commands.map((c) => c.id).filter((id) => id !== 'gateway').sort());
});
