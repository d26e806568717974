#!/usr/bin/env node
// A committed shim, so npm links the bin at install time, before the tool is built.
await import('../dist/aos-connector.js');
