import { fileURLToPath } from 'node:url';
import { packedInstallSuite } from '@aos-connectors/testing';

packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  refusedWrite: ['message', 'send', 'C012AB3CD', '--text', 'x'],
});
