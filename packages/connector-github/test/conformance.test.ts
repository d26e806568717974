import { conformanceSuite } from '@aos-connectors/core/testing';
import github from '../src/connector.js';

conformanceSuite(github, {
  samples: {
    'repo.get': ['octocat/Hello-World'],
  },
  healthyResponse: { login: 'octocat', id: 1 },
});
