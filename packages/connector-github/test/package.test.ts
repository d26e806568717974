import { fileURLToPath } from 'node:url';
import { packedInstallSuite } from '@aos-connectors/testing';

packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  refusedWrite: ['issue', 'create', '--repo', 'octocat/Hello-World', '--title', 'x'],
  absent: ['@octokit/openapi'],
});
