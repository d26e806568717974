import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The test files start their own dovecot and SMTP servers and spawn gateways: one file at a
// time keeps the machine's load (and other packages' timing checks) steady.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
