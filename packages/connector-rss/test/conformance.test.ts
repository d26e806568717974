import { conformanceSuite } from '@aos-connectors/testing';
import rss from '../src/connector.js';

// feed.read without a URL reads RSS_FEED_URL, the setting the suite points at its local server:
// so the vendor-error probes exercise the real request path.
conformanceSuite(rss, { samples: { 'feed.read': [] } });
