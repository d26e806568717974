import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Certification spawns hundreds of connector processes: one test file at a time keeps the
// machine quiet enough for the start-up timing check.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } }));
