#!/usr/bin/env node
// A committed shim, so npm links the bin at install time, before the core is built.
await import('../dist/tools/aos-connector.js');
