import { conformanceSuite } from '@aos-connectors/testing';
import web from '../src/connector.js';

// The suite points SEARXNG_URL (the base-URL setting) at its local server, so its vendor-error
// probes run web.search against it. web.fetch gets no sample: its URL comes from input, and the
// suite cannot name its server there (see the README's Known limitations and the report).
conformanceSuite(web, {
  samples: { 'web.search': ['rust async runtime'] },
  healthyResponse: { instance_name: 'SearXNG', categories: ['general'] },
});
