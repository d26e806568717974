import { expect, it } from 'vitest';
import { conformanceSuite } from '@aos-connectors/testing';
import slack from '../src/connector.js';
import { authTestBot } from './fixtures.js';
import { samples } from './samples.js';

// Every contract rule (manifest match, envelopes, modes, dry runs, error mapping, secrets, audit)
// against a real local HTTP server; both tokens are set to the canary.
conformanceSuite(slack, {
  samples,
  healthyResponse: authTestBot,
});

it("has a sample for every command but the gateway, so the suite's dry-run checks cover every write", () => {
  expect(Object.keys(samples).sort()).toEqual(slack.commands.map((c) => c.id).filter((id) => id !== 'gateway').sort());
});
