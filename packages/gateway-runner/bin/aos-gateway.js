#!/usr/bin/env node
// Runs the messaging gateways listed in a connectors.yml under one supervisor.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
