#!/usr/bin/env node
// Certifies a built connector package: `aos-certify [--json] [--only gates] <package-dir>`.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
