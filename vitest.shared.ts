import { defineConfig } from 'vitest/config';

/**
 * Shared by every package's vitest.config.ts: source resolution through the `development`
 * export condition (no build needed between packages), and a JSON report per package that
 * `.ci/run` sums into its final `N passed, N failed` line.
 */
export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
