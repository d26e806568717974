// Regenerates schema/connector.schema.json from the zod manifest schema: `npx tsx scripts/write-schema.mts`.
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../src/manifest.js';

const url = new URL('../schema/connector.schema.json', import.meta.url);
writeFileSync(url, `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
console.log(`wrote ${url.pathname}`);
