import { fileURLToPath } from 'node:url';
import { packedInstallSuite } from '@aos-connectors/testing';

packedInstallSuite(fileURLToPath(new URL('..', import.meta.url)), {
  refusedWrite: ['gateway', '--home', '/tmp/aos-localchat-packed', '--name', 'local'],
});
