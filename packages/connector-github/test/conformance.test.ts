import { expect, it } from 'vitest';
import { conformanceSuite } from '@aos-connectors/testing';
import github from '../src/connector.js';
import { samples } from './samples.js';

conformanceSuite(github, {
  samples,
  healthyResponse: { login: 'octocat', id: 1 },
});

it('has a sample for every command, so the suite\'s dry-run checks cover every write', () => {
  expect(Object.keys(samples).sort()).toEqual(github.commands.map((c) => c.id).sort());
});
